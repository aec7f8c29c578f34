using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NxtAIGen.AspNetCore;
using NxtAIGen.Storage.Redis;
using NxtAIGen.Storage.Redis.Internal;
using NxtAIGen.Storage.Testing;

namespace NxtAIGen.ScaleOut.Tests;

/// <summary>The shared quota contract against a real Redis, plus what only the Redis store has.</summary>
[Collection(ScaleOutGroup.Name)]
public sealed class RedisQuotaStoreTests : QuotaStoreTests, IAsyncLifetime
{
    private readonly RedisServer _redis;
    private readonly List<ServiceProvider> _providers = [];

    public RedisQuotaStoreTests(RedisServer redis) => _redis = redis;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }
    }

    protected override Task<IQuotaStore> CreateStoreAsync() => Task.FromResult(CreateStore());

    [SkippableFact]
    public async Task StalePendingReservations_StopCountingAfterTheTimeout()
    {
        var store = CreateStore();
        QuotaWindow At(DateTimeOffset now) => new("guest", Key("stale"), 1, now - TimeSpan.FromDays(1), now, Rolling: true);
        var abandoned = await store.TryReserveAsync([At(Now)], Now, default);

        var stillPending = await store.TryReserveAsync([At(Now.AddMinutes(14))], Now.AddMinutes(14), default);
        var afterTimeout = await store.TryReserveAsync([At(Now.AddMinutes(16))], Now.AddMinutes(16), default);

        Assert.True(abandoned.Granted);
        Assert.False(stillPending.Granted);
        Assert.True(afterTimeout.Granted);
        Assert.Equal(1, afterTimeout.Windows[0].Used);
    }

    [SkippableFact]
    public async Task TwoStores_OverOneRedis_ShareTheLimitExactly()
    {
        var first = CreateStore();
        var second = CreateStore();
        QuotaWindow[] windows = [Rolling("shared", 10)];

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(async () => await (i % 2 == 0 ? first : second).TryReserveAsync(windows, Now, default))));
        var usage = await second.GetUsageAsync(windows, Now, default);

        Assert.Equal(10, results.Count(r => r.Granted));
        Assert.Equal(10, usage[0].Used);
    }

    [SkippableFact]
    public async Task Counters_ExpireWithTheirLongestWindow()
    {
        var store = CreateStore();
        var daily = new QuotaWindow("daily", Key("ttl"), 5, Now.AddHours(-12), Now.AddHours(12), Rolling: false);
        await store.CommitAsync((await store.TryReserveAsync([daily], Now, default)).Id!, default);

        var connection = Services().GetRequiredService<RedisConnection>();
        var database = await connection.GetDatabaseAsync();
        var ttl = await database.KeyTimeToLiveAsync(connection.Key("{quota}:" + daily.Key));

        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromHours(12), TimeSpan.FromHours(12) + TimeSpan.FromMinutes(2));
    }

    [SkippableFact]
    public async Task RedisDown_FailsAtOnceWithStoreUnavailable_AndRecovers()
    {
        var services = Services();
        var store = services.GetRequiredService<IQuotaStore>();
        QuotaWindow[] windows = [Rolling("outage", 5)];
        await store.CommitAsync((await store.TryReserveAsync(windows, Now, default)).Id!, default);
        var reconnected = RedisServer.ReconnectedAsync(await services.GetRequiredService<RedisConnection>().GetMultiplexerAsync());

        await _redis.StopAsync();
        NxtAIGenStoreUnavailableException failure;
        try
        {
            failure = await Assert.ThrowsAsync<NxtAIGenStoreUnavailableException>(async () => await store.TryReserveAsync(windows, Now, default));
        }
        finally
        {
            await _redis.StartAsync();
        }

        await reconnected;
        // The throwaway server keeps nothing: after the restart the counter starts again, and the store works.
        var after = await store.TryReserveAsync(windows, Now, default);

        Assert.Equal("Redis", failure.Store);
        Assert.DoesNotContain("127.0.0.1", failure.Message, StringComparison.Ordinal);
        Assert.True(after.Granted);
        Assert.Equal(1, after.Windows[0].Used);
    }

    private IQuotaStore CreateStore() => Services().GetRequiredService<IQuotaStore>();

    private ServiceProvider Services()
    {
        _redis.SkipIfUnavailable();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddNxtAIGen().AddRedisStores(_redis.ConnectionString, o => o.KeyPrefix = "test:");
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider;
    }
}
