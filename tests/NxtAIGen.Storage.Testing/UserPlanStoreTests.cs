using NxtAIGen.AspNetCore;

namespace NxtAIGen.Storage.Testing;

/// <summary>The contract of <see cref="IUserPlanStore"/>.</summary>
public abstract class UserPlanStoreTests
{
    private readonly string _prefix = Guid.NewGuid().ToString("N");

    /// <summary>Returns the store under test.</summary>
    protected abstract Task<IUserPlanStore> CreateStoreAsync();

    protected string User(string name) => $"{name}-{_prefix}";

    [SkippableFact]
    public async Task Get_UnknownUser_IsNull()
    {
        var store = await CreateStoreAsync();

        Assert.Null(await store.GetAsync(User("nobody"), default));
    }

    [SkippableFact]
    public async Task Set_PlanThenLimits_ReplacesTheOverride()
    {
        var store = await CreateStoreAsync();
        var alice = User("alice");

        await store.SetAsync(alice, new UserPlanOverride { Plan = "premium" }, default);
        var plan = await store.GetAsync(alice, default);
        await store.SetAsync(alice, new UserPlanOverride { Plan = "vip", Limits = new PlanLimits { Hourly = 1, Daily = -1, Monthly = 99 } }, default);
        var custom = await store.GetAsync(alice, default);

        Assert.Equal("premium", plan!.Plan);
        Assert.Null(plan.Limits);
        Assert.Equal("vip", custom!.Plan);
        Assert.Equal((1, -1, 99), (custom.Limits!.Hourly, custom.Limits.Daily, custom.Limits.Monthly));
    }

    [SkippableFact]
    public async Task Set_Null_RemovesTheOverride_OnlyForThatUser()
    {
        var store = await CreateStoreAsync();
        var alice = User("alice");
        var bob = User("bob");
        await store.SetAsync(alice, new UserPlanOverride { Plan = "basic" }, default);
        await store.SetAsync(bob, new UserPlanOverride { Plan = "ultra" }, default);

        await store.SetAsync(alice, null, default);
        await store.SetAsync(User("nobody"), null, default);

        Assert.Null(await store.GetAsync(alice, default));
        Assert.Equal("ultra", (await store.GetAsync(bob, default))!.Plan);
    }
}
