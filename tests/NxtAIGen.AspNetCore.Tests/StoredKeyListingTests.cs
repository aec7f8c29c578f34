using System.Net;
using System.Text.Json;

namespace NxtAIGen.AspNetCore.Tests;

public sealed class StoredKeyListingTests
{
    private const string ServerKey = "sk-server-stored-0123456789abcdefgh";
    private const string UserKey = "sk-user-stored-0123456789abcdefghij";

    [Fact]
    public async Task Providers_ShowsAProviderAsConfiguredOnceAnAdminStoredItsKey()
    {
        await using var app = await TestApp.StartAsync();
        Assert.False(await IsConfiguredAsync(app, null));

        (await KeyRequests.PutAsync(app, "boss+admin", "keyed", ServerKey, admin: true)).Dispose();

        Assert.True(await IsConfiguredAsync(app, null));
    }

    [Fact]
    public async Task Providers_ShowsAProviderAsConfiguredForTheUserWhoStoredTheirOwnKeyOnly()
    {
        await using var app = await TestApp.StartAsync();

        (await KeyRequests.PutAsync(app, "alice", "keyed", UserKey)).Dispose();

        Assert.True(await IsConfiguredAsync(app, "alice"));
        Assert.False(await IsConfiguredAsync(app, "bob"));
    }

    [Fact]
    public async Task Models_AreListedWithTheCallersStoredKey()
    {
        await using var app = await TestApp.StartAsync();
        (await KeyRequests.PutAsync(app, "alice", "keyed", UserKey)).Dispose();

        using var response = await KeyRequests.SendAsync(app, HttpMethod.Get, "/api/providers/keyed/models", "alice");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var provider = Assert.Single(app.KeyedProviders);
        Assert.Equal(UserKey, provider.ApiKey);
        Assert.Equal(1, provider.ModelListCalls);
        Assert.DoesNotContain(UserKey, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<bool> IsConfiguredAsync(TestApp app, string? user)
    {
        using var response = await KeyRequests.SendAsync(app, HttpMethod.Get, "/api/providers", user);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return body.EnumerateArray().Single(p => p.GetProperty("id").GetString() == "keyed").GetProperty("configured").GetBoolean();
    }
}
