namespace NxtAIGen.Storage.EntityFrameworkCore;

/// <summary>One use of one quota counter (a row of <c>NxtAIGenQuotaUses</c>): pending while its request runs, then committed or deleted.</summary>
public sealed class QuotaUseEntity
{
    /// <summary>Gets or sets the row id.</summary>
    public long Id { get; set; }

    /// <summary>Gets or sets the counter's key (<see cref="AspNetCore.QuotaWindow.Key"/>).</summary>
    public string CounterKey { get; set; } = string.Empty;

    /// <summary>Gets or sets when the use was reserved, as UTC ticks.</summary>
    public long AtUtcTicks { get; set; }

    /// <summary>Gets or sets the reservation this use belongs to (one reservation spans several counters).</summary>
    public string ReservationId { get; set; } = string.Empty;

    /// <summary>Gets or sets whether the reservation is still pending (neither committed nor released).</summary>
    public bool Pending { get; set; }
}
