using System.Net;
using NxtAIGen.Abstractions;
using RichardSzalay.MockHttp;

namespace NxtAIGen.Providers.Anthropic.Tests;

public sealed class AnthropicModelsTests
{
    private const string ModelsUrl = "https://api.anthropic.com/v1/models";

    [Fact]
    public async Task ListModelsAsync_ReadsEveryPageWithIdsAndDisplayNames()
    {
        var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Get, ModelsUrl).WithExactQueryString("limit=1000")
            .WithHeaders("x-api-key", TestProviders.ApiKey).WithHeaders("anthropic-version", "2023-06-01")
            .Respond("application/json", """
                {"data": [
                   {"type": "model", "id": "claude-opus-4-1-20250805", "display_name": "Claude Opus 4.1", "created_at": "2025-08-05T00:00:00Z"},
                   {"type": "model", "id": "claude-sonnet-4-5-20250929", "display_name": "Claude Sonnet 4.5", "created_at": "2025-09-29T00:00:00Z"}
                 ],
                 "has_more": true, "first_id": "claude-opus-4-1-20250805", "last_id": "claude-sonnet-4-5-20250929"}
                """);
        mock.Expect(HttpMethod.Get, ModelsUrl).WithExactQueryString("limit=1000&after_id=claude-sonnet-4-5-20250929")
            .Respond("application/json", """
                {"data": [{"type": "model", "id": "claude-3-haiku-20240307", "display_name": ""}],
                 "has_more": false, "first_id": "claude-3-haiku-20240307", "last_id": "claude-3-haiku-20240307"}
                """);
        var provider = TestProviders.Create(mock);

        var models = await provider.ListModelsAsync();

        mock.VerifyNoOutstandingExpectation();
        Assert.Equal(
            [
                new ChatModelInfo("claude-opus-4-1-20250805") { Name = "Claude Opus 4.1" },
                new ChatModelInfo("claude-sonnet-4-5-20250929") { Name = "Claude Sonnet 4.5" },
                new ChatModelInfo("claude-3-haiku-20240307"),
            ],
            models);
    }

    [Fact]
    public async Task ListModelsAsync_GatewayWithoutModelList_OffersConfiguredModels()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(HttpStatusCode.NotFound);
        var provider = TestProviders.Create(mock, baseUrl: new Uri("https://gateway.example.com"), models: ["claude-custom"]);

        var models = await provider.ListModelsAsync();

        Assert.Equal([new ChatModelInfo("claude-custom")], models);
    }

    [Fact]
    public async Task ListModelsAsync_WrongKey_ThrowsAuthenticationWithoutTheKey()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(HttpStatusCode.Unauthorized, "application/json",
            "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key " + TestProviders.ApiKey + "\"}}");
        var provider = TestProviders.Create(mock);

        var error = await Assert.ThrowsAsync<NxtAIGenProviderException>(() => provider.ListModelsAsync());

        Assert.Equal(ProviderErrorKind.Authentication, error.Kind);
        Assert.DoesNotContain(TestProviders.ApiKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListModelsAsync_NotJson_ThrowsServer()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond("application/json", "<html>");
        var provider = TestProviders.Create(mock);

        var error = await Assert.ThrowsAsync<NxtAIGenProviderException>(() => provider.ListModelsAsync());

        Assert.Equal(ProviderErrorKind.Server, error.Kind);
    }
}
