namespace NxtAIGen.AspNetCore;

/// <summary>
/// Counts quota uses. One reservation covers several counters (a guest and their IP address; a user's hour, day and
/// month) and is checked and taken in one atomic step, so concurrent requests can never exceed a limit; it is then
/// committed (the use counts) or released (as if it never happened). Pending reservations count toward the limits.
/// The default, <see cref="InMemoryQuotaStore"/>, serves one instance; a store shared by several instances (a database,
/// Redis) implements the same contract.
/// </summary>
public interface IQuotaStore
{
    /// <summary>Reserves one use in every window, or none when any window is full.</summary>
    /// <param name="windows">The windows, each with its own key, limit and bounds.</param>
    /// <param name="now">The present; the reservation is recorded at this instant.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether it was granted, its id, and each window's state.</returns>
    ValueTask<QuotaReservation> TryReserveAsync(IReadOnlyList<QuotaWindow> windows, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Makes a reservation a use that counts until its windows drop it. Unknown ids are ignored.</summary>
    /// <param name="reservationId">The id from <see cref="TryReserveAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the use is recorded.</returns>
    ValueTask CommitAsync(string reservationId, CancellationToken cancellationToken);

    /// <summary>Drops a reservation as if it was never made. Unknown ids are ignored.</summary>
    /// <param name="reservationId">The id from <see cref="TryReserveAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the reservation is gone.</returns>
    ValueTask ReleaseAsync(string reservationId, CancellationToken cancellationToken);

    /// <summary>Reads the windows' state without reserving anything.</summary>
    /// <param name="windows">The windows.</param>
    /// <param name="now">The present.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Each window's state, in the order given.</returns>
    ValueTask<IReadOnlyList<QuotaWindowUsage>> GetUsageAsync(IReadOnlyList<QuotaWindow> windows, DateTimeOffset now, CancellationToken cancellationToken);
}
