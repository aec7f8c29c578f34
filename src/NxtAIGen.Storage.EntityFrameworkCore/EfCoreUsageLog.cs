using Microsoft.EntityFrameworkCore;
using NxtAIGen.AspNetCore;

namespace NxtAIGen.Storage.EntityFrameworkCore;

/// <summary>An <see cref="IUsageLog"/> in a database: one row per chat request in <c>NxtAIGenUsageRecords</c>.</summary>
public sealed class EfCoreUsageLog : IUsageLog
{
    private readonly IDbContextFactory<NxtAIGenDbContext> _factory;

    /// <summary>Initializes a new instance of the <see cref="EfCoreUsageLog"/> class.</summary>
    /// <param name="factory">Creates database contexts.</param>
    public EfCoreUsageLog(IDbContextFactory<NxtAIGenDbContext> factory) => _factory = factory;

    /// <inheritdoc />
    public async ValueTask RecordAsync(UsageRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var db = await _factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            db.UsageRecords.Add(new UsageRecordEntity
            {
                TimestampUtcTicks = record.Timestamp.UtcTicks,
                CallerKind = record.CallerKind,
                CallerId = record.CallerId,
                Plan = record.Plan,
                Provider = record.Provider,
                Model = record.Model,
                InputTokens = record.InputTokens,
                OutputTokens = record.OutputTokens,
                ReasoningTokens = record.ReasoningTokens,
                TimeToFirstTokenTicks = record.TimeToFirstToken?.Ticks,
                DurationTicks = record.Duration.Ticks,
                Outcome = record.Outcome,
                Charged = record.Charged,
                IpHash = record.IpHash,
            });
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Returns the latest records, oldest first.</summary>
    /// <param name="count">How many records at most.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The records.</returns>
    public async ValueTask<IReadOnlyList<UsageRecord>> GetRecentAsync(int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var db = await _factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var rows = await db.UsageRecords.AsNoTracking().OrderByDescending(r => r.Id).Take(count).ToListAsync(cancellationToken).ConfigureAwait(false);
            rows.Reverse();
            return [.. rows.Select(ToRecord)];
        }
    }

    private static UsageRecord ToRecord(UsageRecordEntity row) => new()
    {
        Timestamp = new DateTimeOffset(row.TimestampUtcTicks, TimeSpan.Zero),
        CallerKind = row.CallerKind,
        CallerId = row.CallerId,
        Plan = row.Plan,
        Provider = row.Provider,
        Model = row.Model,
        InputTokens = row.InputTokens,
        OutputTokens = row.OutputTokens,
        ReasoningTokens = row.ReasoningTokens,
        TimeToFirstToken = row.TimeToFirstTokenTicks is { } ttft ? TimeSpan.FromTicks(ttft) : null,
        Duration = TimeSpan.FromTicks(row.DurationTicks),
        Outcome = row.Outcome,
        Charged = row.Charged,
        IpHash = row.IpHash,
    };
}
