using NxtAIGen.AspNetCore;

namespace NxtAIGen.Storage.Testing;

/// <summary>
/// The contract of <see cref="IQuotaStore"/>: every implementation subclasses this and supplies a store. Each test uses
/// counter keys of its own, so one database may serve a whole test class.
/// </summary>
public abstract class QuotaStoreTests
{
    protected static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private readonly string _prefix = Guid.NewGuid().ToString("N");

    /// <summary>Returns the store under test (a fresh one, or one over a database shared by the class).</summary>
    protected abstract Task<IQuotaStore> CreateStoreAsync();

    protected string Key(string name) => $"{_prefix}:{name}";

    protected QuotaWindow Rolling(string key, long limit) => new("guest", Key(key), limit, Now - TimeSpan.FromDays(1), Now, Rolling: true);

    [SkippableFact]
    public async Task PendingReservations_CountTowardTheLimit_AndReleaseFreesThem()
    {
        var store = await CreateStoreAsync();
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

    [SkippableFact]
    public async Task Commit_KeepsTheUse_AndReleaseAfterCommitChangesNothing()
    {
        var store = await CreateStoreAsync();
        QuotaWindow[] windows = [Rolling("a", 3)];

        var granted = await store.TryReserveAsync(windows, Now, default);
        await store.CommitAsync(granted.Id!, default);
        await store.ReleaseAsync(granted.Id!, default);
        var usage = (await store.GetUsageAsync(windows, Now.AddMinutes(1), default))[0];

        Assert.Equal(1, granted.Windows[0].Used);
        Assert.Equal(2, granted.Windows[0].Remaining);
        Assert.Equal(1, usage.Used);
        Assert.Equal(2, usage.Remaining);
    }

    [SkippableFact]
    public async Task Reservation_IsAllOrNothingAcrossWindows()
    {
        var store = await CreateStoreAsync();
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

    [SkippableFact]
    public async Task Unlimited_NeverRefuses_ButCounts()
    {
        var store = await CreateStoreAsync();
        QuotaWindow[] windows = [Rolling("u", PlanLimits.Unlimited)];
        for (var i = 0; i < 20; i++)
        {
            await store.CommitAsync((await store.TryReserveAsync(windows, Now, default)).Id!, default);
        }

        var usage = (await store.GetUsageAsync(windows, Now, default))[0];

        Assert.Equal(20, usage.Used);
        Assert.Equal(-1, usage.Limit);
        Assert.Equal(-1, usage.Remaining);
        Assert.True(usage.IsUnlimited);
    }

    [SkippableFact]
    public async Task UnknownOrSettledIds_AreIgnored()
    {
        var store = await CreateStoreAsync();
        QuotaWindow[] windows = [Rolling("a", 1)];
        var granted = await store.TryReserveAsync(windows, Now, default);
        await store.CommitAsync(granted.Id!, default);

        await store.ReleaseAsync(granted.Id!, default);
        await store.CommitAsync("nope", default);
        await store.ReleaseAsync("42", default);

        Assert.Equal(1, (await store.GetUsageAsync(windows, Now, default))[0].Used);
    }

    [SkippableFact]
    public async Task FixedWindow_ResetsAtItsEnd_RollingWindowWhenTheOldestUseDropsOut()
    {
        var store = await CreateStoreAsync();
        var end = Now.AddHours(12);
        var fixedWindow = new QuotaWindow("daily", Key("d"), 1, Now.AddHours(-12), end, Rolling: false);
        await store.CommitAsync((await store.TryReserveAsync([fixedWindow], Now, default)).Id!, default);

        var today = (await store.GetUsageAsync([fixedWindow], Now, default))[0];
        var tomorrow = (await store.GetUsageAsync([fixedWindow with { Start = end, End = end.AddDays(1) }], end, default))[0];

        Assert.Equal(end, today.ResetAt);
        Assert.Equal(1, today.Used);
        Assert.Equal(0, tomorrow.Used);
        Assert.Equal(1, tomorrow.Remaining);
    }

    [SkippableFact]
    public async Task RollingWindow_DropsEachUseExactlyOneLengthAfterIt()
    {
        var store = await CreateStoreAsync();
        var hour = TimeSpan.FromHours(1);
        QuotaWindow At(DateTimeOffset now) => new("hourly", Key("h"), 2, now - hour, now, Rolling: true);
        await store.CommitAsync((await store.TryReserveAsync([At(Now)], Now, default)).Id!, default);
        var later = Now.AddMinutes(30);
        await store.CommitAsync((await store.TryReserveAsync([At(later)], later, default)).Id!, default);

        var full = await store.TryReserveAsync([At(later)], later, default);
        var justBefore = (await store.GetUsageAsync([At(Now + hour - TimeSpan.FromSeconds(1))], Now + hour - TimeSpan.FromSeconds(1), default))[0];
        var atOneHour = (await store.GetUsageAsync([At(Now + hour)], Now + hour, default))[0];
        var again = await store.TryReserveAsync([At(Now + hour)], Now + hour, default);

        Assert.False(full.Granted);
        Assert.Equal(Now + hour, full.Exceeded!.ResetAt);
        Assert.Equal(2, justBefore.Used);
        Assert.Equal(1, atOneHour.Used);
        Assert.Equal(later + hour, atOneHour.ResetAt);
        Assert.True(again.Granted);
    }

    [SkippableFact]
    public async Task CalendarWindows_CountOnlyTheirOwnMonth()
    {
        var store = await CreateStoreAsync();
        var november = new QuotaWindow("monthly", Key("m"), 3, new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), Rolling: false);
        var december = november with { Start = november.End, End = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero) };
        var lastMinute = november.End.AddMinutes(-1);
        await store.CommitAsync((await store.TryReserveAsync([november], november.Start, default)).Id!, default);
        await store.CommitAsync((await store.TryReserveAsync([november], lastMinute, default)).Id!, default);

        var inNovember = (await store.GetUsageAsync([november], lastMinute, default))[0];
        var first = await store.TryReserveAsync([december], december.Start, default);

        Assert.Equal(2, inNovember.Used);
        Assert.Equal(november.End, inNovember.ResetAt);
        Assert.True(first.Granted);
        Assert.Equal(1, first.Windows[0].Used);
        Assert.Equal(2, first.Windows[0].Remaining);
    }

    [SkippableFact]
    public async Task FiftyConcurrentReservations_WithFiveLeft_GrantExactlyFive()
    {
        var store = await CreateStoreAsync();
        var guest = Rolling("guest", 6);
        var ip = Rolling("ip", 100) with { Name = "ip" };
        await store.CommitAsync((await store.TryReserveAsync([guest, ip], Now, default)).Id!, default);

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(async () => await store.TryReserveAsync([guest, ip], Now, default))));
        var usage = await store.GetUsageAsync([guest, ip], Now, default);

        Assert.Equal(5, results.Count(r => r.Granted));
        Assert.Equal(5, results.Where(r => r.Granted).Select(r => r.Id).Distinct().Count());
        Assert.All(results.Where(r => !r.Granted), r => Assert.Equal("guest", r.Exceeded!.Name));
        Assert.Equal(6, usage[0].Used);
        Assert.Equal(6, usage[1].Used);
    }
}
