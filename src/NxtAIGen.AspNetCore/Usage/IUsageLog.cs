namespace NxtAIGen.AspNetCore;

/// <summary>
/// Receives one <see cref="UsageRecord"/> per chat request (answered, failed, canceled or refused by a quota).
/// The default, <see cref="InMemoryUsageLog"/>, keeps the latest records in memory; a host registers its own to store them.
/// </summary>
public interface IUsageLog
{
    /// <summary>Records a request.</summary>
    /// <param name="record">The record.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when recorded.</returns>
    ValueTask RecordAsync(UsageRecord record, CancellationToken cancellationToken);
}
