using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace NxtAIGen.AspNetCore.Tests;

public sealed class ProviderAvailabilityTests
{
    private sealed class SwitchableAvailability : IProviderAvailability
    {
        public HashSet<string> DisabledProviders { get; } = new(StringComparer.OrdinalIgnoreCase);

        public HashSet<string> DisabledModels { get; } = [];

        public ValueTask<bool> IsProviderAvailableAsync(string providerId, CancellationToken cancellationToken) =>
            ValueTask.FromResult(!DisabledProviders.Contains(providerId));

        public ValueTask<bool> IsModelAvailableAsync(string providerId, string modelId, CancellationToken cancellationToken) =>
            ValueTask.FromResult(!DisabledModels.Contains(providerId + "/" + modelId));
    }

    private static async Task<(TestApp App, SwitchableAvailability Availability)> StartAsync()
    {
        var availability = new SwitchableAvailability();
        var app = await TestApp.StartAsync(configure: b => b.Services.AddSingleton<IProviderAvailability>(availability));
        app.Provider.Models.Add(new("fake-2") { Name = "Fake Two" });
        return (app, availability);
    }

    private static async Task<List<string>> IdsAsync(HttpClient client, string path)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync(path));
        return [.. json.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetString()!)];
    }

    [Fact]
    public async Task DisabledProvider_IsHiddenFromTheList_ItsModelsAre404_AndChatIsRefused()
    {
        var (app, availability) = await StartAsync();
        await using var _ = app;
        Assert.Contains("fake", await IdsAsync(app.Client, "/api/providers"));

        availability.DisabledProviders.Add("fake");

        Assert.DoesNotContain("fake", await IdsAsync(app.Client, "/api/providers"));
        Assert.Contains("keyed", await IdsAsync(app.Client, "/api/providers"));
        using var models = await app.Client.GetAsync("/api/providers/fake/models");
        Assert.Equal(HttpStatusCode.NotFound, models.StatusCode);
        using var chat = await app.PostStreamAsync(new { provider = "fake", message = "hi" });
        Assert.Equal(HttpStatusCode.NotFound, chat.StatusCode);
        using var problem = JsonDocument.Parse(await chat.Content.ReadAsStringAsync());
        Assert.Equal("unknown_provider", problem.RootElement.GetProperty("code").GetString());
        Assert.Equal(0, app.Provider.Calls);
    }

    [Fact]
    public async Task DisabledModel_IsLeftOutOfTheModelList_AtOnce_AndChatWithItIsA400()
    {
        var (app, availability) = await StartAsync();
        await using var _ = app;
        Assert.Equal(["fake-1", "fake-2"], await IdsAsync(app.Client, "/api/providers/fake/models"));

        availability.DisabledModels.Add("fake/fake-2");

        // The list is cached server-side; the hook still applies on the next request.
        Assert.Equal(["fake-1"], await IdsAsync(app.Client, "/api/providers/fake/models"));
        using var chat = await app.PostStreamAsync(new { provider = "fake", model = "fake-2", message = "hi" });
        Assert.Equal(HttpStatusCode.BadRequest, chat.StatusCode);
        using var problem = JsonDocument.Parse(await chat.Content.ReadAsStringAsync());
        Assert.Equal("invalid_request", problem.RootElement.GetProperty("code").GetString());
        Assert.Contains("fake-2", problem.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, app.Provider.Calls);
    }

    [Fact]
    public async Task DisabledDefaultModel_ChatWithoutAModelIsRefused_OtherModelsStillWork()
    {
        var (app, availability) = await StartAsync();
        await using var _ = app;
        availability.DisabledModels.Add("fake/fake-1");

        using var refused = await app.PostStreamAsync(new { message = "hi" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        app.Provider.NextCall().Text("ok").Finish();
        using var allowed = await app.PostStreamAsync(new { model = "fake-2", message = "hi" });
        await using var sse = new SseReader(await allowed.Content.ReadAsStreamAsync());
        Assert.Equal("done", (await sse.ReadToEndAsync()).Last(e => !e.IsPing).Event);
    }

    [Fact]
    public async Task Gateway_DisabledProviderAndModel_AreLeftOutOfV1Models_AndRefusedAsModelNotFound()
    {
        var availability = new SwitchableAvailability();
        await using var app = await TestApp.StartAsync(GatewayRequests.WithServerKey(), configure: b => b.Services.AddSingleton<IProviderAvailability>(availability));
        app.Provider.Models.Add(new("fake-2") { Name = "Fake Two" });
        availability.DisabledModels.Add("fake/fake-2");

        using var models = await GatewayAuthTests.SendAsync(app, HttpMethod.Get, "/v1/models", GatewayRequests.ServerKey);
        var ids = JsonDocument.Parse(await models.Content.ReadAsStringAsync()).RootElement.GetProperty("data").EnumerateArray().Select(m => m.GetProperty("id").GetString());
        Assert.Equal(["fake/fake-1"], ids);
        using var disabledModel = await GatewayRequests.PostAsync(app, """{"model": "fake/fake-2", "messages": [{"role": "user", "content": "hi"}]}""");
        await GatewayRequests.AssertErrorAsync(disabledModel, 404, "invalid_request_error", "model_not_found");

        availability.DisabledProviders.Add("fake");
        using var disabledProvider = await GatewayRequests.PostAsync(app, """{"model": "fake/fake-1", "messages": [{"role": "user", "content": "hi"}]}""");
        await GatewayRequests.AssertErrorAsync(disabledProvider, 404, "invalid_request_error", "model_not_found");
        Assert.Equal(0, app.Provider.Calls);
    }
}
