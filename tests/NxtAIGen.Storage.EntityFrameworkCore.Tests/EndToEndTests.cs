using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NxtAIGen.AspNetCore;
using NxtAIGen.AspNetCore.Tests;

namespace NxtAIGen.Storage.EntityFrameworkCore.Tests;

/// <summary>The AspNetCore test host with <c>.AddEntityFrameworkStores("Data Source=…")</c>: migrated at start, used by every endpoint.</summary>
public sealed class EndToEndTests : IAsyncLifetime
{
    private const string UserKey = "sk-user-e2e-0123456789abcdefghijklmnopqrstuvwxyz";

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"nxtaigen-e2e-{Guid.NewGuid():N}.db");

    private string ConnectionString => $"Data Source={_path}";

    [Fact]
    public async Task KeyStoredThroughTheApi_IsUsedUpstream_AndIsNotInTheDatabaseFile()
    {
        await using var app = await TestApp.StartAsync(configure: b => b.AddEntityFrameworkStores(ConnectionString));

        using (var put = await KeyRequests.PutAsync(app, "alice", "keyed", UserKey))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        var (status, body) = await KeyRequests.ChatAsync(app, "alice");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("event: done", body, StringComparison.Ordinal);
        Assert.Equal(UserKey, Assert.Single(app.KeyedProviders).ApiKey);
        Assert.IsType<EfCoreApiKeyStore>(app.Services.GetRequiredService<IApiKeyStore>());
        var stored = await app.Services.GetRequiredService<IApiKeyStore>().GetAsync(ApiKeyOwner.ForUser("alice"), "keyed");
        var bytes = await SqliteSecurityTests.DatabaseBytesAsync(app.Services, _path);
        Assert.Contains(stored!.ProtectedValue, bytes, StringComparison.Ordinal);
        Assert.DoesNotContain(UserKey, bytes, StringComparison.Ordinal);
        Assert.DoesNotContain(UserKey[8..^8], bytes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GuestQuota_FiftyConcurrentRequestsWithFiveLeft_GiveExactlyFiveAnswers()
    {
        await using var app = await TestApp.StartAsync(
            new() { ["NxtAIGen:RateLimiting:Enabled"] = "false", ["NxtAIGen:Guest:Limit"] = "6" },
            configure: b => b.AddEntityFrameworkStores(ConnectionString));
        app.QueueAnswers(51);
        var first = await app.ChatToEndAsync();
        Assert.Equal("done", first.Events[^1].Event);

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => app.ChatToEndAsync(cookie: first.Cookie))));

        Assert.Equal(5, results.Count(r => r.Status == 200 && r.Events[^1].Event == "done"));
        var refused = results.Where(r => r.Status == 429).ToList();
        Assert.Equal(45, refused.Count);
        Assert.All(refused, r => Assert.Equal("guest_limit", r.Problem!.Value.GetProperty("code").GetString()));
        Assert.Equal(6, app.Provider.Calls);
        Assert.Equal(6, (await app.LimitsAsync(cookie: first.Cookie)).GetProperty("usage").GetProperty("guest").GetInt32());
        var log = await app.Services.GetRequiredService<EfCoreUsageLog>().GetRecentAsync(100, default);
        Assert.Equal(51, log.Count);
        Assert.Equal(6, log.Count(r => r.Outcome == "done"));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }

        return Task.CompletedTask;
    }
}
