using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NxtAIGen.Abstractions;
using static NxtAIGen.AspNetCore.Tests.GatewayRequests;

namespace NxtAIGen.AspNetCore.Tests;

/// <summary>The gateway counts against the same plans, quotas and rate limits as <c>chat/stream</c>.</summary>
public sealed class GatewayQuotaTests
{
    private const string Hello = """{"model": "fake/fake-1", "messages": [{"role": "user", "content": "hi"}]}""";

    [Fact]
    public async Task Quota_IsSharedWithTheSseEndpoint_AndARefusalIs429InsufficientQuota()
    {
        await using var app = await TestApp.StartAsync(WithServerKey(new() { ["NxtAIGen:RateLimiting:Enabled"] = "false" }));
        await app.Services.GetRequiredService<IUserPlanStore>().SetAsync("alice", new UserPlanOverride { Limits = new PlanLimits { Hourly = 2, Daily = 10, Monthly = 10 } }, default);
        var token = (await GatewayAuthTests.CreateTokenAsync(app, "alice", "t")).GetProperty("token").GetString()!;
        app.QueueAnswers(3);

        var sse = await app.ChatToEndAsync(user: "alice");
        Assert.Equal("done", sse.Events[^1].Event);
        using var first = await PostAsync(app, Hello, token);
        Assert.Equal(200, (int)first.StatusCode);
        using var refused = await PostAsync(app, Hello, token);

        var error = await AssertErrorAsync(refused, 429, "insufficient_quota", "insufficient_quota");
        Assert.Contains("hourly", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal(2, app.Provider.Calls);
        var usage = app.UsageLog().GetRecords();
        Assert.Equal([true, true, false], usage.Select(r => r.Charged));
        Assert.All(usage, r => Assert.Equal("alice", r.CallerId));
    }

    [Fact]
    public async Task FailedGeneration_IsNotCharged()
    {
        await using var app = await TestApp.StartAsync(WithServerKey(new() { ["NxtAIGen:RateLimiting:Enabled"] = "false", ["NxtAIGen:Streaming:Retry:MaxAttempts"] = "1" }));
        await app.Services.GetRequiredService<IUserPlanStore>().SetAsync("alice", new UserPlanOverride { Limits = new PlanLimits { Hourly = 1, Daily = 10, Monthly = 10 } }, default);
        var token = (await GatewayAuthTests.CreateTokenAsync(app, "alice", "t")).GetProperty("token").GetString()!;
        app.Provider.NextCall().Throw(new NxtAIGenProviderException(ProviderErrorKind.Overloaded, "fake", "fake: overloaded."));
        app.Provider.NextCall().Text("ok").Finish();

        using var failed = await PostAsync(app, Hello, token);
        await AssertErrorAsync(failed, 503, "server_error", "overloaded");
        using var answered = await PostAsync(app, Hello, token);

        Assert.Equal(200, (int)answered.StatusCode);
        Assert.Equal([false, true], app.UsageLog().GetRecords().Select(r => r.Charged));
    }

    [Fact]
    public async Task ServerKeys_UseTheConfiguredKeyPlan()
    {
        await using var app = await TestApp.StartAsync(WithServerKey(new()
        {
            ["NxtAIGen:RateLimiting:Enabled"] = "false",
            ["NxtAIGen:Plans:Definitions:tiny:Hourly"] = "1",
            ["NxtAIGen:Plans:Definitions:tiny:Daily"] = "1",
            ["NxtAIGen:Plans:Definitions:tiny:Monthly"] = "1",
            ["NxtAIGen:Gateway:KeyPlan"] = "tiny",
        }));
        app.QueueAnswers(2);

        using var first = await PostAsync(app, Hello);
        using var second = await PostAsync(app, Hello);

        Assert.Equal(200, (int)first.StatusCode);
        await AssertErrorAsync(second, 429, "insufficient_quota", "insufficient_quota");
        Assert.Equal("tiny", app.UsageLog().GetRecords()[0].Plan);
    }

    [Fact]
    public async Task RateLimit_ConcurrentStreamsAreCountedAcrossTheSseEndpointAndTheGateway()
    {
        await using var app = await TestApp.StartAsync(WithServerKey(new() { ["NxtAIGen:RateLimiting:MaxConcurrentStreams"] = "1" }));
        var token = (await GatewayAuthTests.CreateTokenAsync(app, "alice", "t")).GetProperty("token").GetString()!;
        var open = app.Provider.NextCall();
        using var sse = await app.ChatAsync(user: "alice");
        await Wait.ForAsync(open.Started.Task, "the SSE stream's provider call");

        using var refused = await PostAsync(app, Hello, token);

        await AssertErrorAsync(refused, 429, "requests", "rate_limit_exceeded");
        Assert.True(refused.Headers.Contains("Retry-After"));
        open.Text("done").Finish();
        await sse.Content.ReadAsStringAsync();
        app.Provider.NextCall().Text("ok").Finish();
        using var later = await PostAsync(app, Hello, token);
        Assert.Equal(200, (int)later.StatusCode);
    }

    [Fact]
    public async Task ClientLeavingMidStream_CancelsTheProvider_AndIsNotChargedWithoutContent()
    {
        await using var app = await TestApp.StartAsync(WithServerKey());
        var script = app.Provider.NextCall();
        using var cts = new CancellationTokenSource();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
        {
            Content = new StringContent("""{"model": "fake/fake-1", "stream": true, "messages": [{"role": "user", "content": "hi"}]}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ServerKey);
        var pending = app.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
        await Wait.ForAsync(script.Started.Task, "the provider call");

        await cts.CancelAsync();

        await Wait.ForAsync(script.Canceled.Task, "the provider's cancellation");
        try
        {
            (await pending).Dispose();
        }
        catch (OperationCanceledException)
        {
            // What the test server does with a cancelled request depends on timing; the provider's side is what counts.
        }

        await Wait.UntilAsync(() => app.UsageLog().GetRecords().Count == 1, "the usage record");
        Assert.False(app.UsageLog().GetRecords()[0].Charged);
    }

    [Fact]
    public async Task Models_ListsEveryUsableProviderModel_AsProviderSlashModel()
    {
        await using var app = await TestApp.StartAsync(WithServerKey());
        var token = (await GatewayAuthTests.CreateTokenAsync(app, "alice", "t")).GetProperty("token").GetString()!;

        using var server = await GatewayAuthTests.SendAsync(app, HttpMethod.Get, "/v1/models", ServerKey);
        Assert.Equal(200, (int)server.StatusCode);
        var created = app.Time.GetUtcNow().ToUnixTimeSeconds();
        Assert.Equal(
            $$"""{"object":"list","data":[{"id":"fake/fake-1","object":"model","created":{{created}},"owned_by":"fake"}]}""",
            await server.Content.ReadAsStringAsync());

        // The keyed provider needs a key: once alice stores one, her token sees its models too.
        Assert.Equal(200, (int)(await KeyRequests.PutAsync(app, "alice", "keyed", "sk-alice-own-key-1234")).StatusCode);
        using var user = await GatewayAuthTests.SendAsync(app, HttpMethod.Get, "/v1/models", token);
        var ids = JsonDocument.Parse(await user.Content.ReadAsStringAsync()).RootElement.GetProperty("data").EnumerateArray().Select(m => m.GetProperty("id").GetString());
        Assert.Equal(["fake/fake-1", "keyed/fake-1"], ids.Order());
    }

    [Fact]
    public async Task Fallback_AnswersWhenThePrimaryFailsBeforeContent_AndTheChunksNameIt()
    {
        var backup = new ScriptedProvider("backup");
        await using var app = await TestApp.StartAsync(
            WithServerKey(new()
            {
                ["NxtAIGen:Streaming:Retry:MaxAttempts"] = "1",
                ["NxtAIGen:Providers:fake:Fallbacks:0"] = "backup/backup-large",
            }),
            configure: b => b.AddProviderType(new ChatProviderRegistration
            {
                Type = "backup",
                Name = "Backup",
                DefaultModel = "backup-1",
                RequiresApiKey = false,
                RequiresBaseUrl = false,
                Capabilities = ChatCapabilities.Tools,
                Create = (_, _) => backup,
            }));
        app.Provider.NextCall().Throw(new NxtAIGenProviderException(ProviderErrorKind.Overloaded, "fake", "fake: overloaded.") { StatusCode = 503 });
        backup.NextCall().Text("from the backup").Finish();

        using var response = await PostAsync(app, """{"model": "fake/fake-1", "stream": true, "messages": [{"role": "user", "content": "hi"}]}""");

        Assert.Equal(200, (int)response.StatusCode);
        var chunks = (await DataLinesAsync(response)).Where(l => l != "[DONE]").Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.All(chunks, c => Assert.Equal("backup/backup-large", c.GetProperty("model").GetString()));
        Assert.Equal("from the backup", chunks[1].GetProperty("choices")[0].GetProperty("delta").GetProperty("content").GetString());
        Assert.Equal("backup-large", Assert.Single(backup.Requests).Model);
    }
}
