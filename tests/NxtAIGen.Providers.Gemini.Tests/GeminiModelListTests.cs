using System.Net;
using NxtAIGen.Abstractions;
using RichardSzalay.MockHttp;

namespace NxtAIGen.Providers.Gemini.Tests;

public sealed class GeminiModelListTests
{
    private const string ModelsUrl = "https://generativelanguage.googleapis.com/v1beta/models";

    [Fact]
    public async Task ListModelsAsync_FollowsPagesAndKeepsGenerateContentModels()
    {
        var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Get, ModelsUrl)
            .WithExactQueryString("pageSize=1000")
            .WithHeaders("x-goog-api-key", TestProviders.ApiKey)
            .Respond("application/json", """
                {"models": [
                  {"name": "models/gemini-3.5-flash", "displayName": "Gemini 3.5 Flash", "inputTokenLimit": 1048576, "outputTokenLimit": 65536,
                   "supportedGenerationMethods": ["generateContent", "countTokens", "createCachedContent"], "thinking": true},
                  {"name": "models/text-embedding-004", "displayName": "Text Embedding 004", "inputTokenLimit": 2048,
                   "supportedGenerationMethods": ["embedContent"]}
                ], "nextPageToken": "page/2=="}
                """);
        mock.Expect(HttpMethod.Get, ModelsUrl)
            .WithExactQueryString("pageSize=1000&pageToken=page%2F2%3D%3D")
            .Respond("application/json", """
                {"models": [{"name": "models/gemini-2.5-pro", "inputTokenLimit": 1048576, "supportedGenerationMethods": ["generateContent"]},
                            {"name": "models/veo-3", "supportedGenerationMethods": ["predictLongRunning"]}]}
                """);
        var provider = TestProviders.Create(mock);

        var models = await provider.ListModelsAsync();

        Assert.Equal(
            [
                new ChatModelInfo("gemini-3.5-flash") { Name = "Gemini 3.5 Flash", ContextWindow = 1048576 },
                new ChatModelInfo("gemini-2.5-pro") { ContextWindow = 1048576 },
            ],
            models);
        mock.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task ListModelsAsync_NotFoundWithConfiguredModels_OffersThem()
    {
        var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Get, "http://127.0.0.1:9000/v1beta/models").Respond(HttpStatusCode.NotFound);
        var provider = TestProviders.Create(mock, baseUrl: new Uri("http://127.0.0.1:9000"), models: ["gemini-local"]);

        var models = await provider.ListModelsAsync();

        Assert.Equal([new ChatModelInfo("gemini-local")], models);
    }

    [Fact]
    public async Task ListModelsAsync_BadKey_ThrowsWithoutTheKey()
    {
        var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Get, ModelsUrl).Respond(HttpStatusCode.Forbidden, "application/json",
            "{\"error\":{\"code\":403,\"message\":\"Key " + TestProviders.ApiKey + " denied\",\"status\":\"PERMISSION_DENIED\"}}");
        var provider = TestProviders.Create(mock);

        var error = await Assert.ThrowsAsync<NxtAIGenProviderException>(() => provider.ListModelsAsync());

        Assert.Equal(ProviderErrorKind.Permission, error.Kind);
        Assert.DoesNotContain(TestProviders.ApiKey, error.Message, StringComparison.Ordinal);
    }
}
