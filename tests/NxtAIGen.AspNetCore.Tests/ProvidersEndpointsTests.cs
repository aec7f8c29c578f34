using System.Net;
using System.Text.Json;

namespace NxtAIGen.AspNetCore.Tests;

public sealed class ProvidersEndpointsTests
{
    [Fact]
    public async Task Providers_ListsEveryProviderWithItsState()
    {
        await using var app = await TestApp.StartAsync(new()
        {
            ["NxtAIGen:Providers:keyed:ApiKey"] = "sk-secret-value",
        });

        var json = JsonDocument.Parse(await app.Client.GetStringAsync("/api/providers")).RootElement;

        var fake = json.EnumerateArray().Single(p => p.GetProperty("id").GetString() == "fake");
        Assert.Equal("Fake", fake.GetProperty("name").GetString());
        Assert.True(fake.GetProperty("enabled").GetBoolean());
        Assert.True(fake.GetProperty("configured").GetBoolean());
        Assert.Equal("fake-1", fake.GetProperty("default_model").GetString());
        Assert.True(fake.GetProperty("capabilities").GetProperty("reasoning").GetBoolean());
        Assert.False(fake.GetProperty("capabilities").GetProperty("vision").GetBoolean());
        var keyed = json.EnumerateArray().Single(p => p.GetProperty("id").GetString() == "keyed");
        Assert.True(keyed.GetProperty("configured").GetBoolean());
        Assert.DoesNotContain("sk-secret-value", json.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Models_AreListedAndCached()
    {
        await using var app = await TestApp.StartAsync();

        var first = JsonDocument.Parse(await app.Client.GetStringAsync("/api/providers/fake/models")).RootElement;
        await app.Client.GetStringAsync("/api/providers/fake/models");

        var model = Assert.Single(first.EnumerateArray());
        Assert.Equal("fake-1", model.GetProperty("id").GetString());
        Assert.Equal("Fake One", model.GetProperty("name").GetString());
        Assert.Equal(8192, model.GetProperty("context_window").GetInt32());
        Assert.Equal(1, app.Provider.ModelListCalls);
    }

    [Fact]
    public async Task Models_OfUnconfiguredProvider_OfferTheDefaultModelWithoutCallingIt()
    {
        await using var app = await TestApp.StartAsync();

        var json = JsonDocument.Parse(await app.Client.GetStringAsync("/api/providers/keyed/models")).RootElement;

        Assert.Equal("keyed-1", Assert.Single(json.EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Models_OfUnknownProvider_Is404()
    {
        await using var app = await TestApp.StartAsync();

        using var response = await app.Client.GetAsync("/api/providers/nope/models");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("unknown_provider", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
    }
}
