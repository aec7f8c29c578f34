using System.Net;
using System.Text.Json;

namespace ChatServer.Tests;

public sealed class AdminTests
{
    private static async Task<(HttpClient Admin, HttpClient User)> TwoUsersAsync(ChatServerFactory factory) =>
        (await SampleUsers.SignUpAsync(factory, "admin@example.com"), await SampleUsers.SignUpAsync(factory, "user@example.com"));

    private static async Task<List<string>> ProviderIdsAsync(HttpClient client) =>
        [.. (await SampleUsers.GetJsonAsync(client, "/api/providers")).EnumerateArray().Select(p => p.GetProperty("id").GetString()!)];

    [Fact]
    public async Task AdminEndpoints_AnonymousIs401_NonAdminIs403()
    {
        await using var factory = new ChatServerFactory();
        var (admin, user) = await TwoUsersAsync(factory);
        using var _ = admin;
        using var __ = user;
        using var guest = SampleUsers.Client(factory);
        var routes = new[]
        {
            ("GET", "/api/admin/providers"), ("PUT", "/api/admin/providers/demo"), ("GET", "/api/admin/plans"), ("GET", "/api/admin/users"),
            ("PUT", "/api/admin/users/x/plan"), ("GET", "/api/admin/usage"), ("GET", "/api/admin/keys"), ("PUT", "/api/admin/keys/openai"),
        };

        foreach (var (method, path) in routes)
        {
            using var anonymous = await guest.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "PUT" ? SampleUsers.Json(new { enabled = false }) : null });
            using var plain = await user.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "PUT" ? SampleUsers.Json(new { enabled = false, api_key = "sk-0123456789abcdef" }) : null });
            Assert.True(anonymous.StatusCode == HttpStatusCode.Unauthorized, $"anonymous {method} {path}: {(int)anonymous.StatusCode}");
            Assert.True(plain.StatusCode == HttpStatusCode.Forbidden, $"user {method} {path}: {(int)plain.StatusCode}");
            Assert.Equal("forbidden", await SampleUsers.CodeOfAsync(plain));
        }

        Assert.Contains("demo", await ProviderIdsAsync(user));
    }

    [Fact]
    public async Task DisableProvider_HidesItAndRefusesChat_ForEveryone_UntilEnabledAgain()
    {
        await using var factory = new ChatServerFactory();
        var (admin, user) = await TwoUsersAsync(factory);
        using var _ = admin;
        using var __ = user;
        using var guest = SampleUsers.Client(factory);

        using var off = await admin.PutAsync("/api/admin/providers/demo", SampleUsers.Json(new { enabled = false }));
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.False(JsonDocument.Parse(await off.Content.ReadAsStringAsync()).RootElement.GetProperty("enabled").GetBoolean());

        Assert.DoesNotContain("demo", await ProviderIdsAsync(guest));
        using var models = await guest.GetAsync("/api/providers/demo/models");
        Assert.Equal(HttpStatusCode.NotFound, models.StatusCode);
        using var chat = await user.PostAsync("/api/chat/stream", SampleUsers.Json(new { provider = "demo", message = "hi" }));
        Assert.Equal(HttpStatusCode.NotFound, chat.StatusCode);
        Assert.Equal("unknown_provider", await SampleUsers.CodeOfAsync(chat));
        var adminView = (await SampleUsers.GetJsonAsync(admin, "/api/admin/providers")).EnumerateArray().Single(p => p.GetProperty("id").GetString() == "demo");
        Assert.False(adminView.GetProperty("enabled").GetBoolean());

        using var on = await admin.PutAsync("/api/admin/providers/demo", SampleUsers.Json(new { enabled = true }));
        Assert.Contains("demo", await ProviderIdsAsync(guest));
    }

    [Fact]
    public async Task DisableModel_HidesItFromTheModelList_AndRefusesChatWithIt()
    {
        await using var factory = new ChatServerFactory();
        var (admin, user) = await TwoUsersAsync(factory);
        using var _ = admin;
        using var __ = user;
        var before = (await SampleUsers.GetJsonAsync(user, "/api/providers/demo/models")).EnumerateArray().Select(m => m.GetProperty("id").GetString()).ToList();
        Assert.Contains("demo-1", before);

        using var put = await admin.PutAsync("/api/admin/providers/demo", SampleUsers.Json(new { disabled_models = new[] { "demo-1" } }));

        var after = (await SampleUsers.GetJsonAsync(user, "/api/providers/demo/models")).EnumerateArray().Select(m => m.GetProperty("id").GetString()).ToList();
        Assert.DoesNotContain("demo-1", after);
        using var chat = await user.PostAsync("/api/chat/stream", SampleUsers.Json(new { provider = "demo", model = "demo-1", message = "hi" }));
        Assert.Equal(HttpStatusCode.BadRequest, chat.StatusCode);
        Assert.Equal("invalid_request", await SampleUsers.CodeOfAsync(chat));
        var demo = (await SampleUsers.GetJsonAsync(admin, "/api/admin/providers")).EnumerateArray().Single(p => p.GetProperty("id").GetString() == "demo");
        Assert.Equal(["demo-1"], demo.GetProperty("disabled_models").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task Switches_SurviveARestart()
    {
        var settings = new Dictionary<string, string?>();
        string database;
        await using (var first = new ChatServerFactory(settings))
        {
            database = first.DatabasePath;
            using var admin = await SampleUsers.SignUpAsync(first, "admin@example.com");
            using var off = await admin.PutAsync("/api/admin/providers/openai", SampleUsers.Json(new { enabled = false }));
            Assert.Equal(HttpStatusCode.OK, off.StatusCode);

            // A second app on the same database file, as after a restart.
            await using var second = new ChatServerFactory(new() { ["ConnectionStrings:NxtAIGen"] = $"Data Source={database};Pooling=False" });
            using var guest = SampleUsers.Client(second);
            Assert.DoesNotContain("openai", await ProviderIdsAsync(guest));
            Assert.Contains("demo", await ProviderIdsAsync(guest));
        }
    }

    [Fact]
    public async Task Plans_AndAPerUserOverride_ApplyToThatUsersLimits()
    {
        await using var factory = new ChatServerFactory();
        var (admin, user) = await TwoUsersAsync(factory);
        using var _ = admin;
        using var __ = user;
        var plans = await SampleUsers.GetJsonAsync(admin, "/api/admin/plans");
        Assert.Contains(plans.EnumerateArray(), p => p.GetProperty("name").GetString() == "premium" && p.GetProperty("daily").GetInt32() == 200);
        var userId = (await SampleUsers.GetJsonAsync(user, "/api/me")).GetProperty("id").GetString();

        using var named = await admin.PutAsync($"/api/admin/users/{userId}/plan", SampleUsers.Json(new { plan = "premium" }));
        Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        Assert.Equal("premium", (await SampleUsers.GetJsonAsync(user, "/api/limits")).GetProperty("plan").GetString());

        using var custom = await admin.PutAsync($"/api/admin/users/{userId}/plan", SampleUsers.Json(new { hourly = 3 }));
        var limits = await SampleUsers.GetJsonAsync(user, "/api/limits");
        Assert.Equal("custom", limits.GetProperty("plan").GetString());
        Assert.Equal(3, limits.GetProperty("limits").GetProperty("hourly").GetInt32());
        var listed = (await SampleUsers.GetJsonAsync(admin, "/api/admin/users")).EnumerateArray().Single(u => u.GetProperty("id").GetString() == userId);
        Assert.Equal("custom", listed.GetProperty("plan").GetString());
        Assert.Equal(3, listed.GetProperty("override").GetProperty("hourly").GetInt32());

        using var cleared = await admin.PutAsync($"/api/admin/users/{userId}/plan", SampleUsers.Json(new { }));
        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Equal("free", (await SampleUsers.GetJsonAsync(user, "/api/limits")).GetProperty("plan").GetString());

        using var unknown = await admin.PutAsync($"/api/admin/users/{userId}/plan", SampleUsers.Json(new { plan = "gold" }));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        using var nobody = await admin.PutAsync("/api/admin/users/nobody/plan", SampleUsers.Json(new { plan = "premium" }));
        Assert.Equal(HttpStatusCode.NotFound, nobody.StatusCode);
    }

    [Fact]
    public async Task Users_ListsAccountsWithAdminFlag_SearchAndLockout()
    {
        await using var factory = new ChatServerFactory();
        var (admin, user) = await TwoUsersAsync(factory);
        using var _ = admin;
        using var __ = user;
        using var stranger = SampleUsers.Client(factory);
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await SampleUsers.LoginAsync(stranger, "user@example.com", "Wrong-passw0rd");
        }

        var users = (await SampleUsers.GetJsonAsync(admin, "/api/admin/users")).EnumerateArray().ToList();
        var search = (await SampleUsers.GetJsonAsync(admin, "/api/admin/users?q=USER@")).EnumerateArray().ToList();

        Assert.Equal(["admin@example.com", "user@example.com"], users.Select(u => u.GetProperty("email").GetString()));
        Assert.Equal([true, false], users.Select(u => u.GetProperty("is_admin").GetBoolean()));
        Assert.Equal([false, true], users.Select(u => u.GetProperty("locked_out").GetBoolean()));
        Assert.Equal("free", users[1].GetProperty("plan").GetString());
        Assert.Equal(["user@example.com"], search.Select(u => u.GetProperty("email").GetString()));
    }

    [Fact]
    public async Task Usage_AggregatesRequestsTokensAndErrors_ByDayAndProvider()
    {
        await using var factory = new ChatServerFactory();
        var (admin, user) = await TwoUsersAsync(factory);
        using var _ = admin;
        using var __ = user;
        using var guest = SampleUsers.Client(factory);
        await AccountTests.ChatAsync(user, await NewConversationAsync(user));
        await AccountTests.ChatAsync(guest, null);
        using (var failing = await user.PostAsync("/api/chat/stream", SampleUsers.Json(new { message = "/demo error" })))
        {
            await using var sse = new NxtAIGen.AspNetCore.Tests.SseReader(await failing.Content.ReadAsStreamAsync());
            await sse.ReadToEndAsync();
        }

        var usage = await SampleUsers.GetJsonAsync(admin, "/api/admin/usage?days=7");

        var totals = usage.GetProperty("totals");
        Assert.Equal(3, totals.GetProperty("requests").GetInt32());
        Assert.True(totals.GetProperty("output_tokens").GetInt64() > 0);
        Assert.Equal(7, usage.GetProperty("by_day").GetArrayLength());
        var today = usage.GetProperty("by_day")[6];
        Assert.Equal(TimeProvider.System.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), today.GetProperty("day").GetString());
        Assert.Equal(3, today.GetProperty("requests").GetInt32());
        var demo = usage.GetProperty("by_provider").EnumerateArray().Single();
        Assert.Equal("demo", demo.GetProperty("provider").GetString());
        Assert.Equal(3, demo.GetProperty("requests").GetInt32());
        Assert.Equal(totals.GetProperty("errors").GetInt32(), demo.GetProperty("errors").GetInt32());
        Assert.Equal(1, totals.GetProperty("errors").GetInt32());
    }

    [Fact]
    public async Task ServerWideKeys_AdminCanStoreOne_AndItMakesTheProviderConfigured()
    {
        await using var factory = new ChatServerFactory();
        var (admin, user) = await TwoUsersAsync(factory);
        using var _ = admin;
        using var __ = user;

        using var put = await admin.PutAsync("/api/admin/keys/openai", SampleUsers.Json(new { api_key = "sk-server-key-1234567890" }));
        var keys = await SampleUsers.GetJsonAsync(admin, "/api/admin/keys");
        var providers = (await SampleUsers.GetJsonAsync(admin, "/api/admin/providers")).EnumerateArray().Single(p => p.GetProperty("id").GetString() == "openai");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("openai", keys[0].GetProperty("provider").GetString());
        Assert.DoesNotContain("sk-server-key-1234567890", keys.GetRawText(), StringComparison.Ordinal);
        Assert.True(providers.GetProperty("configured").GetBoolean());
    }

    private static async Task<string> NewConversationAsync(HttpClient client)
    {
        using var response = await client.PostAsync("/api/conversations", SampleUsers.Json(new { }));
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
    }
}
