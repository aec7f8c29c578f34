using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NxtAIGen.AspNetCore.Tests;

public sealed class ApiKeysEndpointsTests
{
    private const string UserKey = "sk-user-0123456789abcdefghijklmnopqrstuvwxyz";
    private const string ServerKey = "sk-server-ZYXWVUTSRQPONMLKJIHGFEDCBA98765";
    private const string ConfigKey = "sk-config-from-appsettings-1234567";

    [Fact]
    public async Task Put_StoresOnlyCiphertext_AndTheKeyIsUsedUpstream()
    {
        await using var app = await TestApp.StartAsync();
        var responses = new List<string>();

        using (var put = await KeyRequests.PutAsync(app, "alice", "keyed", UserKey))
        {
            responses.Add(await put.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        using (var list = await KeyRequests.SendAsync(app, HttpMethod.Get, "/api/keys", "alice"))
        {
            responses.Add(await list.Content.ReadAsStringAsync());
        }

        var (status, body) = await KeyRequests.ChatAsync(app, "alice");
        responses.Add(body);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("event: done", body, StringComparison.Ordinal);
        Assert.Equal(UserKey, Assert.Single(app.KeyedProviders).ApiKey);

        var store = (InMemoryApiKeyStore)app.Services.GetRequiredService<IApiKeyStore>();
        var stored = Assert.Single(store.Snapshot());
        Assert.Equal("keyed", stored.ProviderId);
        Assert.Equal(ApiKeyOwner.ForUser("alice"), stored.Owner);
        Assert.DoesNotContain(UserKey, JsonSerializer.Serialize(stored, TestApp.Json), StringComparison.Ordinal);
        Assert.DoesNotContain(UserKey, stored.ProtectedValue, StringComparison.Ordinal);
        Assert.All(responses, r => Assert.DoesNotContain(UserKey, r, StringComparison.Ordinal));
        Assert.NotEmpty(app.Logs.Entries);
        Assert.DoesNotContain(UserKey, app.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(UserKey[8..^8], app.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Precedence_UserKey_ThenServerKey_ThenConfiguration()
    {
        await using var app = await TestApp.StartAsync(new() { ["NxtAIGen:Providers:keyed:ApiKey"] = ConfigKey });
        (await KeyRequests.PutAsync(app, "alice", "keyed", UserKey)).Dispose();
        using (var admin = await KeyRequests.PutAsync(app, "boss+admin", "keyed", ServerKey, admin: true))
        {
            Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await KeyRequests.ChatAsync(app, "alice")).Status);
        Assert.Equal(HttpStatusCode.OK, (await KeyRequests.ChatAsync(app, "bob")).Status);
        Assert.Equal(HttpStatusCode.OK, (await KeyRequests.ChatAsync(app, null)).Status);
        (await KeyRequests.SendAsync(app, HttpMethod.Delete, "/api/admin/keys/keyed", "boss+admin")).Dispose();
        Assert.Equal(HttpStatusCode.OK, (await KeyRequests.ChatAsync(app, "bob")).Status);

        var keys = app.KeyedProviders.Select(p => p.ApiKey).ToList();
        // alice: her own key; bob and the guest: the server-wide key; after its removal: configuration (the shared instance).
        Assert.Equal([UserKey, ServerKey, ServerKey, ConfigKey], keys);
    }

    [Fact]
    public async Task ProviderNeedingAKey_WithNoKeyAnywhere_Is409_AndAUserKeyMakesItWork()
    {
        await using var app = await TestApp.StartAsync();

        var (before, _) = await KeyRequests.ChatAsync(app, "alice");
        (await KeyRequests.PutAsync(app, "alice", "keyed", UserKey)).Dispose();
        var (after, _) = await KeyRequests.ChatAsync(app, "alice");
        var (other, _) = await KeyRequests.ChatAsync(app, "bob");

        Assert.Equal(HttpStatusCode.Conflict, before);
        Assert.Equal(HttpStatusCode.OK, after);
        Assert.Equal(HttpStatusCode.Conflict, other);
    }

    [Fact]
    public async Task List_ShowsMaskedKeys_WithUpdatedAt_OnlyTheCallersOwn()
    {
        await using var app = await TestApp.StartAsync();
        (await KeyRequests.PutAsync(app, "alice", "keyed", UserKey)).Dispose();
        app.Time.Advance(TimeSpan.FromMinutes(5));
        (await KeyRequests.PutAsync(app, "alice", "fake", "short-key-123")).Dispose();
        (await KeyRequests.PutAsync(app, "bob", "keyed", "sk-bob-abcdefghijklmnopqrstuvwxyz")).Dispose();

        using var response = await KeyRequests.SendAsync(app, HttpMethod.Get, "/api/keys", "alice");
        var items = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["fake", "keyed"], items.Select(i => i.GetProperty("provider").GetString()));
        Assert.Equal("••••••••", items[0].GetProperty("masked").GetString());
        Assert.Equal("sk-u••••••••wxyz", items[1].GetProperty("masked").GetString());
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 12, 5, 0, TimeSpan.Zero), items[0].GetProperty("updated_at").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero), items[1].GetProperty("updated_at").GetDateTimeOffset());
        Assert.All(items, i => Assert.Equal(3, i.EnumerateObject().Count()));
    }

    [Fact]
    public async Task Delete_Removes_Then404()
    {
        await using var app = await TestApp.StartAsync();
        (await KeyRequests.PutAsync(app, "alice", "keyed", UserKey)).Dispose();

        using var first = await KeyRequests.SendAsync(app, HttpMethod.Delete, "/api/keys/KEYED", "alice");
        using var second = await KeyRequests.SendAsync(app, HttpMethod.Delete, "/api/keys/keyed", "alice");
        using var list = await KeyRequests.SendAsync(app, HttpMethod.Get, "/api/keys", "alice");

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        await KeyRequests.AssertProblemAsync(second, HttpStatusCode.NotFound, "not_found");
        Assert.Equal("[]", await list.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, (await KeyRequests.ChatAsync(app, "alice")).Status);
    }

    [Theory]
    [InlineData("GET", "/api/keys")]
    [InlineData("PUT", "/api/keys/keyed")]
    [InlineData("DELETE", "/api/keys/keyed")]
    [InlineData("GET", "/api/admin/keys")]
    [InlineData("PUT", "/api/admin/keys/keyed")]
    [InlineData("DELETE", "/api/admin/keys/keyed")]
    public async Task Guests_Get401(string method, string path)
    {
        await using var app = await TestApp.StartAsync();

        using var response = await KeyRequests.SendAsync(app, new HttpMethod(method), path, null, method == "PUT" ? KeyRequests.Body(UserKey) : null);

        await KeyRequests.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Empty(((InMemoryApiKeyStore)app.Services.GetRequiredService<IApiKeyStore>()).Snapshot());
    }

    [Fact]
    public async Task AdminEndpoints_NeedThePolicy()
    {
        await using var app = await TestApp.StartAsync();

        using var user = await KeyRequests.PutAsync(app, "alice", "keyed", ServerKey, admin: true);
        using var userList = await KeyRequests.SendAsync(app, HttpMethod.Get, "/api/admin/keys", "alice");
        using var admin = await KeyRequests.PutAsync(app, "boss+admin", "keyed", ServerKey, admin: true);
        using var adminList = await KeyRequests.SendAsync(app, HttpMethod.Get, "/api/admin/keys", "boss+admin");
        using var ownList = await KeyRequests.SendAsync(app, HttpMethod.Get, "/api/keys", "boss+admin");

        await KeyRequests.AssertProblemAsync(user, HttpStatusCode.Forbidden, "forbidden");
        await KeyRequests.AssertProblemAsync(userList, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        var item = Assert.Single(JsonDocument.Parse(await adminList.Content.ReadAsStringAsync()).RootElement.EnumerateArray());
        Assert.Equal("keyed", item.GetProperty("provider").GetString());
        Assert.Equal("[]", await ownList.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AdminPolicy_IsAnOption_AndAnUndefinedPolicyRefusesEveryone()
    {
        await using var app = await TestApp.StartAsync(new() { ["NxtAIGen:Security:AdminPolicy"] = "NoSuchPolicy" });

        using var response = await KeyRequests.PutAsync(app, "boss+admin", "keyed", ServerKey, admin: true);

        await KeyRequests.AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
        Assert.Contains(app.Logs.Entries, e => e.Level == LogLevel.Warning && e.Text.Contains("NoSuchPolicy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Put_UnknownProvider_Is404()
    {
        await using var app = await TestApp.StartAsync();

        using var response = await KeyRequests.PutAsync(app, "alice", "nope", UserKey);

        await KeyRequests.AssertProblemAsync(response, HttpStatusCode.NotFound, "unknown_provider");
    }

    [Theory]
    [InlineData("""{"api_key": ""}""")]
    [InlineData("""{"api_key": "   "}""")]
    [InlineData("""{"api_key": "sk-with a space"}""")]
    [InlineData("""{"api_key": "sk-with\nnewline"}""")]
    [InlineData("""{"api_key": "sk-ünïcode-key"}""")]
    [InlineData("""{}""")]
    [InlineData("""{"api_key": 42}""")]
    [InlineData("""not json""")]
    public async Task Put_InvalidKey_Is400(string json)
    {
        await using var app = await TestApp.StartAsync();

        using var response = await KeyRequests.SendAsync(app, HttpMethod.Put, "/api/keys/keyed", "alice", json);

        await KeyRequests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_request");
    }

    [Fact]
    public async Task Put_TooLongKey_Is400_WithoutEchoingIt()
    {
        await using var app = await TestApp.StartAsync(new() { ["NxtAIGen:Security:MaxApiKeyLength"] = "64" });
        var key = "sk-" + new string('x', 62);

        using var response = await KeyRequests.PutAsync(app, "alice", "keyed", key);

        var problem = await KeyRequests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_request");
        Assert.Contains("64", problem.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(key, problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_SurroundingWhitespace_IsTrimmed()
    {
        await using var app = await TestApp.StartAsync();

        (await KeyRequests.PutAsync(app, "alice", "keyed", "  " + UserKey + "\n")).Dispose();
        await KeyRequests.ChatAsync(app, "alice");

        Assert.Equal(UserKey, Assert.Single(app.KeyedProviders).ApiKey);
    }

    [Fact]
    public async Task Put_Verify_RefusedKey_Is400_AndNotStored()
    {
        await using var app = await TestApp.StartAsync();
        const string BadKey = "sk-bad-0123456789abcdefghijklmnop";

        using var response = await KeyRequests.PutAsync(app, "alice", "keyed", BadKey, verify: true);

        var problem = await KeyRequests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_request");
        Assert.Contains("refused this API key", problem.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(BadKey, problem.GetRawText(), StringComparison.Ordinal);
        Assert.Empty(((InMemoryApiKeyStore)app.Services.GetRequiredService<IApiKeyStore>()).Snapshot());
        Assert.Equal(1, Assert.Single(app.KeyedProviders).ModelListCalls);
        Assert.DoesNotContain(BadKey, app.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_Verify_GoodKey_IsStored()
    {
        await using var app = await TestApp.StartAsync();

        using var response = await KeyRequests.PutAsync(app, "alice", "keyed", UserKey, verify: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, Assert.Single(app.KeyedProviders).ModelListCalls);
        Assert.Single(((InMemoryApiKeyStore)app.Services.GetRequiredService<IApiKeyStore>()).Snapshot());
    }

    [Fact]
    public async Task TamperedCiphertext_IsRefused_AsNoKey_AndLoggedWithoutTheValue()
    {
        await using var app = await TestApp.StartAsync();
        (await KeyRequests.PutAsync(app, "alice", "keyed", UserKey)).Dispose();
        var store = app.Services.GetRequiredService<IApiKeyStore>();
        var stored = (await store.GetAsync(ApiKeyOwner.ForUser("alice"), "keyed"))!;
        var chars = stored.ProtectedValue.ToCharArray();
        chars[chars.Length / 2] = chars[chars.Length / 2] == 'A' ? 'B' : 'A';
        var tampered = new string(chars);
        await store.SetAsync(stored with { ProtectedValue = tampered });

        var (status, body) = await KeyRequests.ChatAsync(app, "alice");

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("provider_not_configured", body, StringComparison.Ordinal);
        Assert.Empty(app.KeyedProviders);
        var warning = Assert.Single(app.Logs.Entries, e => e.Level == LogLevel.Warning && e.Text.Contains("could not be decrypted", StringComparison.Ordinal));
        Assert.DoesNotContain(tampered, warning.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(UserKey, app.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CiphertextCopiedToAnotherUser_IsRefused()
    {
        await using var app = await TestApp.StartAsync();
        (await KeyRequests.PutAsync(app, "alice", "keyed", UserKey)).Dispose();
        var store = app.Services.GetRequiredService<IApiKeyStore>();
        var alices = (await store.GetAsync(ApiKeyOwner.ForUser("alice"), "keyed"))!;
        await store.SetAsync(alices with { Owner = ApiKeyOwner.ForUser("mallory") });

        var (status, _) = await KeyRequests.ChatAsync(app, "mallory");

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Empty(app.KeyedProviders);
    }
}
