namespace NxtAIGen.AspNetCore.Tests;

public sealed class InMemoryQuotaStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static QuotaWindow Rolling(string key, long limit) => new("guest", key, limit, Now - TimeSpan.FromDays(1), Now, Rolling: true);

    [Fact]
    public async Task PendingReservations_CountTowardTheLimit_AndReleaseFreesThem()
    {
        var store = new InMemoryQuotaStore();
        QuotaWindow[] windows = [Rolling("a", 2)];

        var first = await store.TryReserveAsync(windows, Now, default);
        var second = await store.TryReserveAsync(windows, Now, default);
        var third = await store.TryReserveAsync(windows, Now, default);
        await store.ReleaseAsync(first.Id!, default);
        var fourth = await store.TryReserveAsync(windows, Now, default);

        Assert.True(first.Granted);
        Assert.True(second.Granted);
        Assert.Equal(0, second.Windows[0].Remaining);
        Assert.False(third.Granted);
        Assert.Null(third.Id);
        Assert.Equal("guest", third.Exceeded!.Name);
        Assert.True(fourth.Granted);
    }

    [Fact]
    public async Task Reservation_IsAllOrNothingAcrossWindows()
    {
        var store = new InMemoryQuotaStore();
        var guest = Rolling("guest:1", 5);
        var ip = Rolling("ip:1", 1) with { Name = "ip" };
        await store.CommitAsync((await store.TryReserveAsync([ip], Now, default)).Id!, default);

        var refused = await store.TryReserveAsync([guest, ip], Now, default);
        var usage = await store.GetUsageAsync([guest, ip], Now, default);

        Assert.False(refused.Granted);
        Assert.Equal("ip", refused.Exceeded!.Name);
        Assert.Equal(0, usage[0].Used);
        Assert.Equal(1, usage[1].Used);
    }

    [Fact]
    public async Task Unlimited_NeverRefuses_ButCounts()
    {
        var store = new InMemoryQuotaStore();
        QuotaWindow[] windows = [Rolling("u", PlanLimits.Unlimited)];
        for (var i = 0; i < 100; i++)
        {
            await store.CommitAsync((await store.TryReserveAsync(windows, Now, default)).Id!, default);
        }

        var usage = (await store.GetUsageAsync(windows, Now, default))[0];

        Assert.Equal(100, usage.Used);
        Assert.Equal(-1, usage.Limit);
        Assert.Equal(-1, usage.Remaining);
        Assert.True(usage.IsUnlimited);
    }

    [Fact]
    public async Task UnknownOrSettledIds_AreIgnored()
    {
        var store = new InMemoryQuotaStore();
        QuotaWindow[] windows = [Rolling("a", 1)];
        var granted = await store.TryReserveAsync(windows, Now, default);
        await store.CommitAsync(granted.Id!, default);

        await store.ReleaseAsync(granted.Id!, default);
        await store.CommitAsync("nope", default);
        await store.ReleaseAsync("42", default);

        Assert.Equal(1, (await store.GetUsageAsync(windows, Now, default))[0].Used);
    }

    [Fact]
    public async Task FixedWindow_ResetsAtItsEnd_RollingWindowWhenTheOldestUseDropsOut()
    {
        var store = new InMemoryQuotaStore();
        var end = Now.AddHours(12);
        var fixedWindow = new QuotaWindow("daily", "d", 1, Now.AddHours(-12), end, Rolling: false);
        await store.CommitAsync((await store.TryReserveAsync([fixedWindow], Now, default)).Id!, default);

        var today = (await store.GetUsageAsync([fixedWindow], Now, default))[0];
        var tomorrow = (await store.GetUsageAsync([fixedWindow with { Start = end, End = end.AddDays(1) }], end, default))[0];

        Assert.Equal(end, today.ResetAt);
        Assert.Equal(1, today.Used);
        Assert.Equal(0, tomorrow.Used);
        Assert.Equal(1, tomorrow.Remaining);
    }
}
