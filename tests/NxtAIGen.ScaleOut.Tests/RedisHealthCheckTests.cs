using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NxtAIGen.Storage.Redis.Internal;

namespace NxtAIGen.ScaleOut.Tests;

[Collection(ScaleOutGroup.Name)]
public sealed class RedisHealthCheckTests
{
    private readonly RedisServer _redis;

    public RedisHealthCheckTests(RedisServer redis) => _redis = redis;

    [SkippableFact]
    public async Task AddNxtAIGenRedis_IsHealthyWhileRedisAnswers_UnhealthyWhenItIsGone_AndHealthyAgain()
    {
        _redis.SkipIfUnavailable();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddNxtAIGen().AddRedisStores(_redis.ConnectionString);
        services.AddHealthChecks().AddNxtAIGenRedis();
        await using var provider = services.BuildServiceProvider();
        var health = provider.GetRequiredService<HealthCheckService>();

        var before = await health.CheckHealthAsync();
        var reconnected = RedisServer.ReconnectedAsync(await provider.GetRequiredService<RedisConnection>().GetMultiplexerAsync());
        await _redis.StopAsync();
        HealthReport during;
        try
        {
            during = await health.CheckHealthAsync();
        }
        finally
        {
            await _redis.StartAsync();
        }

        await reconnected;
        var after = await health.CheckHealthAsync();

        Assert.Equal(HealthStatus.Healthy, before.Status);
        Assert.Equal(HealthStatus.Unhealthy, during.Status);
        Assert.Equal("Redis is unavailable.", during.Entries["nxtaigen-redis"].Description);
        Assert.Equal(HealthStatus.Healthy, after.Status);
    }
}
