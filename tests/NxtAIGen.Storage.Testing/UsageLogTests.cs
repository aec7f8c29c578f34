using NxtAIGen.AspNetCore;

namespace NxtAIGen.Storage.Testing;

/// <summary>The contract of <see cref="IUsageLog"/>: records come back whole and in order.</summary>
public abstract class UsageLogTests
{
    private readonly string _prefix = Guid.NewGuid().ToString("N");

    /// <summary>Returns the log under test.</summary>
    protected abstract Task<IUsageLog> CreateLogAsync();

    /// <summary>Reads back the latest <paramref name="count"/> records, oldest first.</summary>
    protected abstract Task<IReadOnlyList<UsageRecord>> ReadAsync(IUsageLog log, int count);

    [SkippableFact]
    public async Task Record_KeepsEveryField_InOrder()
    {
        var log = await CreateLogAsync();
        var full = new UsageRecord
        {
            Timestamp = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero),
            CallerKind = ChatCallerKind.User,
            CallerId = "alice-" + _prefix,
            Plan = "premium",
            Provider = "openai",
            Model = "gpt-test",
            InputTokens = 12,
            OutputTokens = 34,
            ReasoningTokens = 5,
            TimeToFirstToken = TimeSpan.FromMilliseconds(250),
            Duration = TimeSpan.FromSeconds(3),
            Outcome = "done",
            Charged = true,
            IpHash = "abc123",
        };
        var sparse = new UsageRecord
        {
            Timestamp = full.Timestamp.AddMinutes(1),
            CallerKind = ChatCallerKind.Guest,
            CallerId = "guest-" + _prefix,
            Provider = "demo",
            Outcome = "guest_limit",
        };

        await log.RecordAsync(full, default);
        await log.RecordAsync(sparse, default);
        var records = await ReadAsync(log, 2);

        Assert.Equal([full, sparse], records);
    }
}
