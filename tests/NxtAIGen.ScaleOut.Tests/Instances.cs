using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using NxtAIGen.AspNetCore;
using NxtAIGen.AspNetCore.Tests;
using NxtAIGen.Storage.EntityFrameworkCore.Tests;
using NxtAIGen.Storage.Redis.Internal;
using StackExchange.Redis;

namespace NxtAIGen.ScaleOut.Tests;

/// <summary>
/// App instances (test hosts, each with its own services and memory) sharing one Redis (quotas, key ring, model-list
/// cache, resumable streams) and a fresh PostgreSQL database (keys, plan overrides, usage), as behind a load balancer.
/// </summary>
public sealed class Instances : IAsyncDisposable
{
    private readonly List<TestApp> _apps = [];

    /// <summary>Starts two instances with rate limiting off and <paramref name="settings"/> on top.</summary>
    public async Task<(TestApp A, TestApp B)> StartPairAsync(RedisServer redis, PostgresServer postgres, Dictionary<string, string?>? settings = null)
    {
        redis.SkipIfUnavailable();
        postgres.SkipIfUnavailable();
        var database = await postgres.CreateEmptyDatabaseAsync();
        var prefix = $"t{Guid.NewGuid():N}:";
        var configuration = new Dictionary<string, string?> { ["NxtAIGen:RateLimiting:Enabled"] = "false" };
        foreach (var (key, value) in settings ?? [])
        {
            configuration[key] = value;
        }

        void Configure(INxtAIGenBuilder builder)
        {
            // The test host registers an in-memory key ring of its own: drop it so the shared one (Redis) is used.
            builder.Services.RemoveAll<IDataProtectionProvider>();
            builder.Services.AddDataProtection();
            builder.AddEntityFrameworkStores(database).AddRedisStores(redis.ConnectionString, o => o.KeyPrefix = prefix);
        }

        // One after the other: the first applies the migrations.
        var a = await TestApp.StartAsync(configuration, configure: Configure);
        _apps.Add(a);
        var b = await TestApp.StartAsync(configuration, configure: Configure);
        _apps.Add(b);
        return (a, b);
    }

    /// <summary>The keys of the instance's prefix matching <paramref name="pattern"/>.</summary>
    public static async Task<RedisKey[]> RedisKeysAsync(TestApp app, string pattern)
    {
        var connection = app.Services.GetRequiredService<RedisConnection>();
        var multiplexer = await connection.GetMultiplexerAsync();
        var server = multiplexer.GetServers()[0];
        return await server.KeysAsync(pattern: connection.Prefix + pattern).ToArrayAsync();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }

        NpgsqlConnection.ClearAllPools();
    }
}
