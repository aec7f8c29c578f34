namespace NxtAIGen.AspNetCore;

/// <summary>The answer of <see cref="IQuotaStore.TryReserveAsync"/>.</summary>
public sealed record QuotaReservation
{
    /// <summary>Gets whether every window had room and one use was reserved in each.</summary>
    public required bool Granted { get; init; }

    /// <summary>Gets the reservation's id, to commit or release; <see langword="null"/> when refused.</summary>
    public string? Id { get; init; }

    /// <summary>Gets the state of each window, in the order given, including this reservation when granted.</summary>
    public required IReadOnlyList<QuotaWindowUsage> Windows { get; init; }

    /// <summary>Gets the first window that was full, when refused.</summary>
    public QuotaWindowUsage? Exceeded { get; init; }
}
