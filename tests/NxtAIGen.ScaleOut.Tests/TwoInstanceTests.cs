using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NxtAIGen.Abstractions;
using NxtAIGen.AspNetCore;
using NxtAIGen.AspNetCore.Tests;
using NxtAIGen.Storage.EntityFrameworkCore.Tests;
using Npgsql;
using NxtAIGen.Storage.Redis;
using NxtAIGen.Storage.Redis.Internal;
using StackExchange.Redis;

namespace NxtAIGen.ScaleOut.Tests;

/// <summary>Two app instances sharing one Redis and one PostgreSQL database (<see cref="Instances"/>): quotas, keys, model lists, outages.</summary>
[Collection(ScaleOutGroup.Name)]
public sealed class TwoInstanceTests : IAsyncLifetime
{
    private const string UserKey = "sk-shared-0123456789abcdefghijklmnopqrstuvwxyz";

    private readonly RedisServer _redis;
    private readonly PostgresServer _postgres;
    private readonly Instances _instances = new();

    public TwoInstanceTests(RedisServer redis, PostgresServer postgres)
    {
        _redis = redis;
        _postgres = postgres;
    }

    [SkippableFact]
    public async Task GuestQuota_ConcurrentRequestsOnBothInstances_GrantExactlyTheLimit()
    {
        var (a, b) = await StartPairAsync(new() { ["NxtAIGen:Guest:Limit"] = "6" });
        a.QueueAnswers(41);
        b.QueueAnswers(40);
        var first = await a.ChatToEndAsync();
        Assert.Equal("done", first.Events[^1].Event);
        // The guest cookie issued by A is read by B (shared key ring); both count in the same Redis counter.
        var second = await b.ChatToEndAsync(cookie: first.Cookie);
        Assert.Equal("done", second.Events[^1].Event);

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => (i % 2 == 0 ? a : b).ChatToEndAsync(cookie: first.Cookie))));

        Assert.Equal(4, results.Count(r => r.Status == 200 && r.Events[^1].Event == "done"));
        var refused = results.Where(r => r.Status == 429).ToList();
        Assert.Equal(36, refused.Count);
        Assert.All(refused, r => Assert.Equal("guest_limit", r.Problem!.Value.GetProperty("code").GetString()));
        Assert.Equal(6, a.Provider.Calls + b.Provider.Calls);
        Assert.Equal(6, (await b.LimitsAsync(cookie: first.Cookie)).GetProperty("usage").GetProperty("guest").GetInt32());
        Assert.IsType<RedisQuotaStore>(a.Services.GetRequiredService<IQuotaStore>());
        Assert.NotEmpty(await RedisKeysAsync(a, "{quota}:guest:*"));
    }

    [SkippableFact]
    public async Task UserPlanLimits_SetOnOneInstance_HoldAcrossBothUnderConcurrency()
    {
        var (a, b) = await StartPairAsync();
        await a.Services.GetRequiredService<IUserPlanStore>().SetAsync("bob", new UserPlanOverride { Limits = new PlanLimits { Hourly = 100, Daily = 4, Monthly = 100 } }, default);
        a.QueueAnswers(30);
        b.QueueAnswers(30);

        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(() => (i % 2 == 0 ? a : b).ChatToEndAsync(user: "bob"))));
        var limits = await b.LimitsAsync(user: "bob");

        Assert.Equal(4, results.Count(r => r.Status == 200 && r.Events[^1].Event == "done"));
        Assert.All(results.Where(r => r.Status != 200), r => Assert.Equal(429, r.Status));
        Assert.Equal(4, a.Provider.Calls + b.Provider.Calls);
        Assert.Equal(4, limits.GetProperty("usage").GetProperty("daily").GetInt32());
        Assert.Equal(0, limits.GetProperty("remaining").GetProperty("daily").GetInt32());
        Assert.NotEmpty(await RedisKeysAsync(a, "{quota}:*bob*"));
    }

    [SkippableFact]
    public async Task KeyStoredOnOneInstance_IsUsedUpstreamByTheOther()
    {
        var (a, b) = await StartPairAsync();

        using (var put = await KeyRequests.PutAsync(a, "alice", "keyed", UserKey))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        var (status, body) = await KeyRequests.ChatAsync(b, "alice");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("event: done", body, StringComparison.Ordinal);
        Assert.Empty(a.KeyedProviders);
        Assert.Equal(UserKey, Assert.Single(b.KeyedProviders).ApiKey);
        // The key ring that encrypted it is Redis's, not the database's.
        Assert.IsType<RedisXmlRepository>(a.Services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository);
        Assert.Single(await RedisKeysAsync(a, "dataprotection-keys"));
    }

    [SkippableFact]
    public async Task ModelList_FetchedByOneInstance_IsServedToTheOtherFromRedis()
    {
        var (a, b) = await StartPairAsync();
        a.Provider.Models.Clear();
        a.Provider.Models.Add(new ChatModelInfo("listed-by-a"));
        b.Provider.Models.Clear();
        b.Provider.Models.Add(new ChatModelInfo("listed-by-b"));

        var fromA = await a.Client.GetStringAsync("/api/providers/fake/models");
        var fromB = await b.Client.GetStringAsync("/api/providers/fake/models");

        Assert.Contains("listed-by-a", fromA, StringComparison.Ordinal);
        Assert.Contains("listed-by-a", fromB, StringComparison.Ordinal);
        Assert.DoesNotContain("listed-by-b", fromB, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task RedisDown_GivesStoreUnavailableAtOnce_AndTheInstanceRecoversWhenItReturns()
    {
        var (a, _) = await StartPairAsync();
        a.QueueAnswers(10);
        var first = await a.ChatToEndAsync();
        Assert.Equal("done", first.Events[^1].Event);
        var reconnected = RedisServer.ReconnectedAsync(await a.Services.GetRequiredService<RedisConnection>().GetMultiplexerAsync());

        await _redis.StopAsync();
        HttpStatusCode status;
        string? retryAfter;
        string body;
        try
        {
            using var response = await a.ChatAsync(cookie: first.Cookie);
            status = response.StatusCode;
            retryAfter = response.Headers.RetryAfter?.ToString();
            body = await response.Content.ReadAsStringAsync();
        }
        finally
        {
            await _redis.StartAsync();
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("5", retryAfter);
        Assert.Equal("store_unavailable", JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
        AssertNothingLeaked(body);
        await reconnected;
        var recovered = await a.ChatToEndAsync(cookie: first.Cookie);
        Assert.Equal("done", recovered.Events[^1].Event);
    }

    [SkippableFact]
    public async Task PostgresDown_GivesStoreUnavailableAtOnce_AndTheInstanceRecoversWhenItReturns()
    {
        var (a, _) = await StartPairAsync();
        a.QueueAnswers(10);
        Assert.Equal(200, (await a.ChatToEndAsync(user: "carol")).Status);

        await _postgres.StopAsync();
        HttpStatusCode status;
        string body;
        try
        {
            using var response = await a.ChatAsync(user: "carol");
            status = response.StatusCode;
            body = await response.Content.ReadAsStringAsync();
        }
        finally
        {
            await _postgres.StartAsync();
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("store_unavailable", JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
        AssertNothingLeaked(body);
        var recovered = await UntilAsync(() => a.ChatToEndAsync(user: "carol"), r => r.Status == 200);
        Assert.Equal("done", recovered.Events[^1].Event);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _instances.DisposeAsync();

    private static Task<RedisKey[]> RedisKeysAsync(TestApp app, string pattern) => Instances.RedisKeysAsync(app, pattern);

    private static void AssertNothingLeaked(string body)
    {
        Assert.DoesNotContain("127.0.0.1", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", body, StringComparison.OrdinalIgnoreCase);
    }

    // After an outage the clients reconnect in the background: ask again until answered, within a deadline.
    private static async Task<T> UntilAsync<T>(Func<Task<T>> action, Func<T, bool> done)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var result = await action();
            if (done(result) || deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                return result;
            }

            await Task.Yield();
        }
    }

    private Task<(TestApp A, TestApp B)> StartPairAsync(Dictionary<string, string?>? settings = null) => _instances.StartPairAsync(_redis, _postgres, settings);
}
