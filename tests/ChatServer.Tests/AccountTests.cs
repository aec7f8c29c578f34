using System.Net;
using System.Text.Json;

namespace ChatServer.Tests;

public sealed class AccountTests
{
    [Fact]
    public async Task Register_Login_Me_FirstAccountIsAdmin_SecondIsNot()
    {
        await using var factory = new ChatServerFactory();
        using var first = await SampleUsers.SignUpAsync(factory, "first@example.com");
        using var second = await SampleUsers.SignUpAsync(factory, "second@example.com");

        var me1 = await SampleUsers.GetJsonAsync(first, "/api/me");
        var me2 = await SampleUsers.GetJsonAsync(second, "/api/me");

        Assert.True(me1.GetProperty("signed_in").GetBoolean());
        Assert.Equal("first@example.com", me1.GetProperty("email").GetString());
        Assert.True(me1.GetProperty("is_admin").GetBoolean());
        Assert.Equal("second@example.com", me2.GetProperty("email").GetString());
        Assert.False(me2.GetProperty("is_admin").GetBoolean());
    }

    [Fact]
    public async Task Me_Guest_IsSignedOut()
    {
        await using var factory = new ChatServerFactory();
        using var guest = SampleUsers.Client(factory);

        var me = await SampleUsers.GetJsonAsync(guest, "/api/me");

        Assert.False(me.GetProperty("signed_in").GetBoolean());
        Assert.False(me.GetProperty("is_admin").GetBoolean());
    }

    [Fact]
    public async Task ConfiguredAdminEmail_IsAdminEvenWhenNotFirst()
    {
        await using var factory = new ChatServerFactory(new() { ["ChatServer:Admins:0"] = "Boss@Example.com" });
        using var first = await SampleUsers.SignUpAsync(factory, "first@example.com");
        using var boss = await SampleUsers.SignUpAsync(factory, "boss@example.com");

        Assert.True((await SampleUsers.GetJsonAsync(boss, "/api/me")).GetProperty("is_admin").GetBoolean());
    }

    [Fact]
    public async Task Login_AuthCookieIsHttpOnlyAndLax_AndSecureOnlyOverHttps()
    {
        await using var factory = new ChatServerFactory();
        using var http = SampleUsers.Client(factory);
        await SampleUsers.RegisterAsync(http, "a@example.com");
        using var https = SampleUsers.Client(factory, "https://localhost");

        using var overHttp = await SampleUsers.LoginAsync(http, "a@example.com");
        using var overHttps = await SampleUsers.LoginAsync(https, "a@example.com");

        var plain = overHttp.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("nxtaigen_auth=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", plain, StringComparison.Ordinal);
        Assert.Contains("samesite=lax", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("secure", plain, StringComparison.Ordinal);
        var secure = overHttps.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("nxtaigen_auth=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("secure", secure, StringComparison.Ordinal);
        Assert.Contains("httponly", secure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_IssuesANewSessionCookie_AndTheGuestsCsrfTokenNoLongerWorks()
    {
        await using var factory = new ChatServerFactory();
        using var client = SampleUsers.Client(factory);
        await SampleUsers.RegisterAsync(client, "a@example.com");
        await SampleUsers.RefreshCsrfAsync(client); // a token fetched as a guest

        using var firstLogin = await SampleUsers.LoginAsync(client, "a@example.com");
        var firstCookie = firstLogin.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("nxtaigen_auth=", StringComparison.Ordinal));
        using var guestToken = await client.PutAsync("/api/settings", SampleUsers.Json(new { default_provider = "demo" }));
        await SampleUsers.RefreshCsrfAsync(client); // signing in again while signed in is a state change like any other
        using var secondLogin = await SampleUsers.LoginAsync(client, "a@example.com");
        var secondCookie = secondLogin.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("nxtaigen_auth=", StringComparison.Ordinal));

        Assert.NotEqual(firstCookie.Split(';')[0], secondCookie.Split(';')[0]);
        Assert.Equal(HttpStatusCode.Forbidden, guestToken.StatusCode);
        await SampleUsers.RefreshCsrfAsync(client);
        using var userToken = await client.PutAsync("/api/settings", SampleUsers.Json(new { default_provider = "demo" }));
        Assert.Equal(HttpStatusCode.OK, userToken.StatusCode);
    }

    [Fact]
    public async Task Login_AfterFiveWrongPasswords_IsLockedOutEvenWithTheRightOne()
    {
        await using var factory = new ChatServerFactory();
        using var client = SampleUsers.Client(factory);
        await SampleUsers.RegisterAsync(client, "a@example.com");

        for (var i = 0; i < 5; i++)
        {
            using var wrong = await SampleUsers.LoginAsync(client, "a@example.com", "Wrong-passw0rd");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var right = await SampleUsers.LoginAsync(client, "a@example.com");

        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains("LockedOut", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False((await SampleUsers.GetJsonAsync(client, "/api/me")).GetProperty("signed_in").GetBoolean());
    }

    [Fact]
    public async Task Logout_WithoutCsrfToken_IsRefused_WithIt_SignsOut()
    {
        await using var factory = new ChatServerFactory();
        using var client = await SampleUsers.SignUpAsync(factory, "a@example.com");
        var token = client.DefaultRequestHeaders.GetValues("X-CSRF-TOKEN").Single();
        client.DefaultRequestHeaders.Remove("X-CSRF-TOKEN");

        using var refused = await client.PostAsync("/api/auth/logout", null);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("forbidden", await SampleUsers.CodeOfAsync(refused));
        Assert.True((await SampleUsers.GetJsonAsync(client, "/api/me")).GetProperty("signed_in").GetBoolean());

        client.DefaultRequestHeaders.Add("X-CSRF-TOKEN", token);
        using var done = await client.PostAsync("/api/auth/logout", null);
        Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);
        Assert.False((await SampleUsers.GetJsonAsync(client, "/api/me")).GetProperty("signed_in").GetBoolean());
    }

    [Fact]
    public async Task Anonymous_AccountDataEndpoints_Are401()
    {
        await using var factory = new ChatServerFactory();
        using var guest = SampleUsers.Client(factory);

        foreach (var (method, path) in new[] { ("GET", "/api/conversations"), ("POST", "/api/conversations"), ("GET", "/api/settings"), ("DELETE", "/api/me"), ("POST", "/api/keys/openai/test") })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "GET" ? null : SampleUsers.Json(new { }) };
            using var response = await guest.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path}: {(int)response.StatusCode}");
            Assert.Equal("unauthorized", await SampleUsers.CodeOfAsync(response));
        }
    }

    [Fact]
    public async Task IdentityUser_IsAUserForTheLibrary_LimitsShowTheirPlan_AndTheyCanStoreKeys()
    {
        await using var factory = new ChatServerFactory();
        using var client = await SampleUsers.SignUpAsync(factory, "a@example.com");

        var limits = await SampleUsers.GetJsonAsync(client, "/api/limits");
        using var put = await client.PutAsync("/api/keys/openai", SampleUsers.Json(new { api_key = "sk-user-key-1234567890" }));
        var keys = await SampleUsers.GetJsonAsync(client, "/api/keys");

        Assert.Equal("user", limits.GetProperty("kind").GetString());
        Assert.Equal("free", limits.GetProperty("plan").GetString());
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("openai", keys[0].GetProperty("provider").GetString());
        Assert.DoesNotContain("sk-user-key-1234567890", keys.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteMe_RemovesTheAccountAndItsData()
    {
        await using var factory = new ChatServerFactory();
        using var admin = await SampleUsers.SignUpAsync(factory, "admin@example.com");
        using var client = await SampleUsers.SignUpAsync(factory, "leaving@example.com");
        using var created = await client.PostAsync("/api/conversations", SampleUsers.Json(new { title = "mine" }));
        var conversationId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        using var key = await client.PutAsync("/api/keys/openai", SampleUsers.Json(new { api_key = "sk-user-key-1234567890" }));
        using var settings = await client.PutAsync("/api/settings", SampleUsers.Json(new { default_provider = "demo", default_model = "demo-1" }));
        await ChatAsync(client, conversationId!);
        var userId = (await SampleUsers.GetJsonAsync(client, "/api/me")).GetProperty("id").GetString()!;

        using var deleted = await client.DeleteAsync("/api/me");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.False((await SampleUsers.GetJsonAsync(client, "/api/me")).GetProperty("signed_in").GetBoolean());
        using var login = await SampleUsers.LoginAsync(client, "leaving@example.com");
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        var users = await SampleUsers.GetJsonAsync(admin, "/api/admin/users");
        Assert.DoesNotContain(users.EnumerateArray(), u => u.GetProperty("id").GetString() == userId);
        var db = await SampleDatabase.CountsAsync(factory, userId);
        Assert.Equal(new SampleDatabase.UserRows(0, 0, 0, 0, 0), db);
    }

    internal static async Task ChatAsync(HttpClient client, string? conversationId, string text = "hello")
    {
        using var response = await client.PostAsync("/api/chat/stream", SampleUsers.Json(conversationId is null ? new { message = text } : new { message = text, conversation_id = conversationId }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var sse = new NxtAIGen.AspNetCore.Tests.SseReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal("done", (await sse.ReadToEndAsync()).Last(e => !e.IsPing).Event);
    }
}
