using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NxtAIGen.Abstractions;
using static NxtAIGen.AspNetCore.Tests.GatewayRequests;

namespace NxtAIGen.AspNetCore.Tests;

/// <summary>Who may call the gateway: server keys, users' nxg_ tokens, and nobody else; and the token endpoints.</summary>
public sealed class GatewayAuthTests
{
    private const string Hello = """{"model": "fake/fake-1", "messages": [{"role": "user", "content": "hi"}]}""";

    [Theory]
    [InlineData(null)]
    [InlineData("gw-server-key-0123456789abcdeX")]
    [InlineData("nxg_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("alice")]
    public async Task MissingOrWrongBearer_Is401InvalidApiKey_AndNothingRuns(string? bearer)
    {
        // "alice" would sign in through the host's own scheme: the gateway accepts only its keys and tokens.
        await using var app = await TestApp.StartAsync(WithServerKey());

        using var response = await PostAsync(app, Hello, bearer);

        await AssertErrorAsync(response, 401, "invalid_request_error", "invalid_api_key");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(0, app.Provider.Calls);
        using var models = await SendAsync(app, HttpMethod.Get, "/v1/models", bearer);
        await AssertErrorAsync(models, 401, "invalid_request_error", "invalid_api_key");
    }

    [Fact]
    public async Task WrongBearer_DoesNotEchoTheKey()
    {
        await using var app = await TestApp.StartAsync(WithServerKey());

        using var response = await PostAsync(app, Hello, "sk-secret-value-that-must-not-show");

        Assert.DoesNotContain("sk-secret", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerKey_Answers_AsItsOwnCaller()
    {
        await using var app = await TestApp.StartAsync(WithServerKey());
        app.Provider.NextCall().Text("ok").Finish();

        using var response = await PostAsync(app, Hello);

        Assert.Equal(200, (int)response.StatusCode);
        var record = Assert.Single(await UsageAsync(app));
        Assert.Equal(ChatCallerKind.User, record.CallerKind);
        Assert.StartsWith("gateway:", record.CallerId, StringComparison.Ordinal);
        Assert.DoesNotContain(ServerKey, record.CallerId, StringComparison.Ordinal);
        Assert.True(record.Charged);
    }

    [Fact]
    public async Task Token_CreatedByAUser_AuthenticatesAsThatUser_WithTheirStoredKey()
    {
        await using var app = await TestApp.StartAsync(WithServerKey());
        Assert.Equal(200, (int)(await KeyRequests.PutAsync(app, "alice", "keyed", "sk-alice-own-key-1234")).StatusCode);
        var created = await CreateTokenAsync(app, "alice", "my laptop");
        var token = created.GetProperty("token").GetString()!;

        using var response = await PostAsync(app, """{"model": "keyed", "messages": [{"role": "user", "content": "hi"}]}""", token);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("ok", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString());
        Assert.Equal("sk-alice-own-key-1234", Assert.Single(app.KeyedProviders).ApiKey);
        Assert.Equal("alice", Assert.Single(await UsageAsync(app)).CallerId);
    }

    [Fact]
    public async Task ServerKey_DoesNotGetAUsersStoredKey()
    {
        await using var app = await TestApp.StartAsync(WithServerKey());
        Assert.Equal(200, (int)(await KeyRequests.PutAsync(app, "alice", "keyed", "sk-alice-own-key-1234")).StatusCode);

        using var response = await PostAsync(app, """{"model": "keyed", "messages": [{"role": "user", "content": "hi"}]}""");

        await AssertErrorAsync(response, 409, "invalid_request_error", "provider_not_configured");
        Assert.Empty(app.KeyedProviders);
    }

    [Fact]
    public async Task Tokens_CreateListDelete_ShowTheTokenOnlyOnce_AndRevokedTokensStopWorking()
    {
        await using var app = await TestApp.StartAsync(WithServerKey());
        app.Provider.NextCall().Text("ok").Finish();
        var created = await CreateTokenAsync(app, "alice", "ci");
        var token = created.GetProperty("token").GetString()!;
        var id = created.GetProperty("id").GetString()!;
        Assert.Matches("^nxg_[A-Za-z0-9_-]{43}$", token);
        Assert.Equal("nxg_…" + token[^4..], created.GetProperty("hint").GetString());
        Assert.Equal("ci", created.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("last_used_at").ValueKind);

        using (var used = await PostAsync(app, Hello, token))
        {
            Assert.Equal(200, (int)used.StatusCode);
        }

        using var list = await KeyRequests.SendAsync(app, HttpMethod.Get, "/api/gateway/tokens", "alice");
        var listText = await list.Content.ReadAsStringAsync();
        Assert.DoesNotContain(token, listText, StringComparison.Ordinal);
        var item = Assert.Single(JsonDocument.Parse(listText).RootElement.EnumerateArray());
        Assert.False(item.TryGetProperty("token", out _));
        Assert.Equal(id, item.GetProperty("id").GetString());
        Assert.Equal(app.Time.GetUtcNow(), item.GetProperty("last_used_at").GetDateTimeOffset());
        var stored = Assert.Single(await app.Services.GetRequiredService<IGatewayTokenStore>().ListAsync("alice"));
        Assert.NotEqual(token, stored.TokenHash);
        Assert.DoesNotContain(token[4..], JsonSerializer.Serialize(stored, TestApp.Json), StringComparison.Ordinal);

        using var otherUser = await KeyRequests.SendAsync(app, HttpMethod.Delete, $"/api/gateway/tokens/{id}", "bob");
        Assert.Equal(404, (int)otherUser.StatusCode);
        using var deleted = await KeyRequests.SendAsync(app, HttpMethod.Delete, $"/api/gateway/tokens/{id}", "alice");
        Assert.Equal(204, (int)deleted.StatusCode);

        using var refused = await PostAsync(app, Hello, token);
        await AssertErrorAsync(refused, 401, "invalid_request_error", "invalid_api_key");
    }

    [Fact]
    public async Task Tokens_NeedASignedInUser_ANameAndRespectTheLimit()
    {
        await using var app = await TestApp.StartAsync(WithServerKey(new() { ["NxtAIGen:Gateway:MaxTokensPerUser"] = "1" }));

        using var guest = await KeyRequests.SendAsync(app, HttpMethod.Post, "/api/gateway/tokens", null, """{"name": "x"}""");
        await KeyRequests.AssertProblemAsync(guest, System.Net.HttpStatusCode.Unauthorized, "unauthorized");
        using var noName = await KeyRequests.SendAsync(app, HttpMethod.Post, "/api/gateway/tokens", "alice", """{"name": " "}""");
        await KeyRequests.AssertProblemAsync(noName, System.Net.HttpStatusCode.BadRequest, "invalid_request");
        await CreateTokenAsync(app, "alice", "first");
        using var second = await KeyRequests.SendAsync(app, HttpMethod.Post, "/api/gateway/tokens", "alice", """{"name": "second"}""");
        await KeyRequests.AssertProblemAsync(second, System.Net.HttpStatusCode.BadRequest, "invalid_request");
    }

    [Fact]
    public async Task Tokens_CookieSignedInCreate_NeedsTheAntiforgeryToken()
    {
        await using var app = await TestApp.StartAsync(WithServerKey());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/gateway/tokens") { Content = new StringContent("""{"name": "x"}""", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("Cookie", $"{TestAuthHandler.CookieName}=alice");

        using var response = await app.Client.SendAsync(request);

        await KeyRequests.AssertProblemAsync(response, System.Net.HttpStatusCode.Forbidden, "forbidden");
        Assert.Empty(await app.Services.GetRequiredService<IGatewayTokenStore>().ListAsync("alice"));
    }

    [Fact]
    public async Task ServerKeys_AreComparedWhole()
    {
        Assert.Null(NxtAIGen.AspNetCore.Gateway.GatewayAuthenticator.MatchServerKey(ServerKey[..^1], [ServerKey]));
        Assert.Null(NxtAIGen.AspNetCore.Gateway.GatewayAuthenticator.MatchServerKey(ServerKey + "x", [ServerKey]));
        Assert.NotNull(NxtAIGen.AspNetCore.Gateway.GatewayAuthenticator.MatchServerKey(ServerKey, ["another-key-0123456789", ServerKey]));
        await Task.CompletedTask;
    }

    internal static async Task<JsonElement> CreateTokenAsync(TestApp app, string user, string name)
    {
        using var response = await KeyRequests.SendAsync(app, HttpMethod.Post, "/api/gateway/tokens", user, JsonSerializer.Serialize(new { name }, TestApp.Json));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(201 == (int)response.StatusCode, text);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    internal static async Task<HttpResponseMessage> SendAsync(TestApp app, HttpMethod method, string path, string? bearer)
    {
        using var request = new HttpRequestMessage(method, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return await app.Client.SendAsync(request);
    }

    private static Task<IReadOnlyList<UsageRecord>> UsageAsync(TestApp app) => Task.FromResult(app.UsageLog().GetRecords());
}
