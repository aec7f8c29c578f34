namespace NxtAIGen.AspNetCore.Tests;

/// <summary>The in-memory store forgets callers who never come back once their uses have left every window.</summary>
public sealed class InMemoryQuotaStoreSweepTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TryReserveAsync_OneTimeCallersAfterTheirWindow_AreForgotten()
    {
        var store = new InMemoryQuotaStore();
        for (var i = 0; i < 100; i++)
        {
            var r = await store.TryReserveAsync([Rolling("guest:" + i, T0)], T0, CancellationToken.None);
            await store.CommitAsync(r.Id!, CancellationToken.None);
        }

        Assert.Equal(100, store.KeyCount);

        // Still inside the one-hour window: nothing may be forgotten.
        var later = T0.AddMinutes(30);
        await store.TryReserveAsync([Rolling("guest:new", later)], later, CancellationToken.None);
        Assert.Equal(101, store.KeyCount);

        // After the window: the hundred one-time guests go; the pending reservation stays.
        var after = T0.AddHours(1).AddMinutes(1);
        await store.TryReserveAsync([Rolling("guest:other", after)], after, CancellationToken.None);
        Assert.Equal(2, store.KeyCount);
    }

    [Fact]
    public async Task TryReserveAsync_CallerWithUsesStillInTheWindow_KeepsThemCounted()
    {
        var store = new InMemoryQuotaStore();
        var first = await store.TryReserveAsync([Rolling("user:a", T0, limit: 2)], T0, CancellationToken.None);
        await store.CommitAsync(first.Id!, CancellationToken.None);
        var late = T0.AddMinutes(59);
        var second = await store.TryReserveAsync([Rolling("user:a", late, limit: 2)], late, CancellationToken.None);
        await store.CommitAsync(second.Id!, CancellationToken.None);

        // 1 h 1 min: the first use has left the window (and is swept), the second still counts.
        var now = T0.AddMinutes(61);
        var third = await store.TryReserveAsync([Rolling("user:a", now, limit: 2)], now, CancellationToken.None);
        Assert.True(third.Granted);
        var fourth = await store.TryReserveAsync([Rolling("user:a", now, limit: 2)], now, CancellationToken.None);
        Assert.False(fourth.Granted);
    }

    private static QuotaWindow Rolling(string key, DateTimeOffset now, long limit = 10) =>
        new("hourly", key, limit, now - TimeSpan.FromHours(1), now, Rolling: true);
}
