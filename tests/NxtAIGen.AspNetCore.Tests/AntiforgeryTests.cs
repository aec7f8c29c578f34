using System.Net;
using System.Text;
using System.Text.Json;

namespace NxtAIGen.AspNetCore.Tests;

public sealed class AntiforgeryTests
{
    private const string Key = "sk-user-0123456789abcdefghijklmnopqrstuvwxyz";

    [Fact]
    public async Task CookieAuthenticatedPut_WithoutToken_Is403Forbidden()
    {
        await using var app = await TestApp.StartAsync();

        using var response = await SendWithCookiesAsync(app, HttpMethod.Put, "/api/keys/keyed", "test-user=alice", KeyRequests.Body(Key));

        await KeyRequests.AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
        Assert.Empty(app.KeyedProviders);
    }

    [Fact]
    public async Task CookieAuthenticatedPut_WithToken_IsAccepted_AndDeleteToo()
    {
        await using var app = await TestApp.StartAsync();
        var (token, cookies) = await GetTokenAsync(app, "test-user=alice");

        using var put = await SendWithCookiesAsync(app, HttpMethod.Put, "/api/keys/keyed", cookies, KeyRequests.Body(Key), token);
        using var delete = await SendWithCookiesAsync(app, HttpMethod.Delete, "/api/keys/keyed", cookies, csrfToken: token);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
    }

    [Fact]
    public async Task TokenOfAnotherUser_IsRefused()
    {
        await using var app = await TestApp.StartAsync();
        var (token, cookies) = await GetTokenAsync(app, "test-user=alice");

        using var response = await SendWithCookiesAsync(app, HttpMethod.Put, "/api/keys/keyed", cookies.Replace("test-user=alice", "test-user=mallory", StringComparison.Ordinal), KeyRequests.Body(Key), token);

        await KeyRequests.AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task BearerAuthenticatedPut_NeedsNoToken()
    {
        await using var app = await TestApp.StartAsync();

        using var response = await KeyRequests.PutAsync(app, "alice", "keyed", Key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task GuestChatStream_NeedsNoToken()
    {
        await using var app = await TestApp.StartAsync();
        app.Provider.NextCall().Text("hello").Finish();

        var (status, body) = await KeyRequests.ChatAsync(app, null, "fake");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("event: done", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CookieAuthenticatedChatStream_NeedsTheToken()
    {
        await using var app = await TestApp.StartAsync();
        app.Provider.NextCall().Text("hello").Finish();
        const string Chat = """{"provider": "fake", "message": "hi"}""";

        using var refused = await SendWithCookiesAsync(app, HttpMethod.Post, "/api/chat/stream", "test-user=alice", Chat);
        var (token, cookies) = await GetTokenAsync(app, "test-user=alice");
        using var accepted = await SendWithCookiesAsync(app, HttpMethod.Post, "/api/chat/stream", cookies, Chat, token);

        await KeyRequests.AssertProblemAsync(refused, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Contains("event: done", await accepted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(app.Provider.Requests);
    }

    [Fact]
    public async Task CookieAuthenticatedGet_NeedsNoToken()
    {
        await using var app = await TestApp.StartAsync();

        using var response = await SendWithCookiesAsync(app, HttpMethod.Get, "/api/keys", "test-user=alice");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task RequireAntiforgery_False_TurnsTheCheckOff()
    {
        await using var app = await TestApp.StartAsync(new() { ["NxtAIGen:Security:RequireAntiforgery"] = "false" });

        using var response = await SendWithCookiesAsync(app, HttpMethod.Put, "/api/keys/keyed", "test-user=alice", KeyRequests.Body(Key));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AntiforgeryEndpoint_ReturnsTokenAndCookie_NotCached()
    {
        await using var app = await TestApp.StartAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/antiforgery");
        using var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(string.IsNullOrEmpty(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()));
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    /// <summary>Gets a token as a cookie-authenticated user; returns it and the cookies to send with it.</summary>
    private static async Task<(string Token, string Cookies)> GetTokenAsync(TestApp app, string cookies)
    {
        using var response = await SendWithCookiesAsync(app, HttpMethod.Get, "/api/antiforgery", cookies);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()!;
        var antiforgeryCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal)).Split(';')[0];
        return (token, $"{cookies}; {antiforgeryCookie}");
    }

    private static async Task<HttpResponseMessage> SendWithCookiesAsync(TestApp app, HttpMethod method, string path, string cookies, string? json = null, string? csrfToken = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Cookie", cookies);
        if (csrfToken is not null)
        {
            request.Headers.Add("X-CSRF-TOKEN", csrfToken);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await app.Client.SendAsync(request);
    }
}
