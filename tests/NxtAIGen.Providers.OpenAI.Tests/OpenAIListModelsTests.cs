using System.Net;
using NxtAIGen.Abstractions;
using RichardSzalay.MockHttp;

namespace NxtAIGen.Providers.OpenAI.Tests;

public sealed class OpenAIListModelsTests
{
    [Fact]
    public async Task ListModelsAsync_DataList_ReturnsModels()
    {
        var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Get, "https://api.groq.com/openai/v1/models")
            .WithHeaders("Authorization", "Bearer " + TestProviders.ApiKey)
            .Respond("application/json", """
                {"object":"list","data":[
                  {"id":"llama-3.3-70b-versatile","object":"model","owned_by":"Meta","context_window":131072},
                  {"id":"openai/gpt-oss-120b","object":"model","owned_by":"OpenAI","context_window":131072},
                  {"id":"","object":"model"}
                ]}
                """);
        var provider = TestProviders.Create("groq", mock);

        var models = await provider.ListModelsAsync();

        Assert.Equal(
            [new ChatModelInfo("llama-3.3-70b-versatile") { ContextWindow = 131072 }, new ChatModelInfo("openai/gpt-oss-120b") { ContextWindow = 131072 }],
            models);
        mock.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task ListModelsAsync_OpenRouterNamesAndContextLength_AreKept()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("https://openrouter.ai/api/v1/models").Respond("application/json",
            """{"data":[{"id":"openai/gpt-4o","name":"OpenAI: GPT-4o","context_length":128000,"pricing":{"prompt":"0.0000025"}}]}""");
        var provider = TestProviders.Create("openrouter", mock);

        var model = Assert.Single(await provider.ListModelsAsync());

        Assert.Equal(new ChatModelInfo("openai/gpt-4o") { Name = "OpenAI: GPT-4o", ContextWindow = 128000 }, model);
    }

    [Fact]
    public async Task ListModelsAsync_BareArray_ReturnsModels()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("https://models.github.ai/inference/models").Respond("application/json",
            """[{"id":"openai/gpt-4.1","name":"OpenAI GPT-4.1"},{"id":"meta/llama-4-scout","name":"Llama 4 Scout"}]""");
        var provider = TestProviders.Create("github", mock);

        var models = await provider.ListModelsAsync();

        Assert.Equal(["openai/gpt-4.1", "meta/llama-4-scout"], models.Select(m => m.Id));
    }

    [Fact]
    public async Task ListModelsAsync_404WithConfiguredModels_ReturnsConfiguredModels()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(HttpStatusCode.NotFound);
        var provider = TestProviders.Create("openai-compatible", mock, apiKey: null, models: ["qwen3:8b", "llama3.2"]);

        var models = await provider.ListModelsAsync();

        Assert.Equal(["qwen3:8b", "llama3.2"], models.Select(m => m.Id));
    }

    [Fact]
    public async Task ListModelsAsync_404ForPerplexity_ReturnsKnownModels()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("https://api.perplexity.ai/models").Respond(HttpStatusCode.NotFound);
        var provider = TestProviders.Create("perplexity", mock);

        var models = await provider.ListModelsAsync();

        Assert.Contains(models, m => m.Id == "sonar");
    }

    [Fact]
    public async Task ListModelsAsync_401_ThrowsAuthentication()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(HttpStatusCode.Unauthorized, "application/json", """{"error":{"message":"Invalid key","type":"invalid_request_error"}}""");
        var provider = TestProviders.Create("openai", mock, models: ["gpt-4.1"]);

        var error = await Assert.ThrowsAsync<NxtAIGenProviderException>(() => provider.ListModelsAsync());

        Assert.Equal(ProviderErrorKind.Authentication, error.Kind);
        Assert.Equal(401, error.StatusCode);
    }
}
