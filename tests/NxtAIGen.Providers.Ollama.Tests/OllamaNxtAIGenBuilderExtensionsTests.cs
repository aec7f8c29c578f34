using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NxtAIGen.Abstractions;
using NxtAIGen.Testing;
using RichardSzalay.MockHttp;

namespace NxtAIGen.Providers.Ollama.Tests;

public sealed class OllamaNxtAIGenBuilderExtensionsTests
{
    [Fact]
    public void AddOllama_NoKey_ListedAsConfiguredBuiltInWithDefaults()
    {
        var services = new ServiceCollection();
        services.AddNxtAIGenCore().AddOllama();
        using var provider = services.BuildServiceProvider();
        var registry = provider.GetRequiredService<IChatProviderRegistry>();

        var ollama = Assert.Single(registry.Providers);

        Assert.Equal("ollama", ollama.Id);
        Assert.Equal("Ollama", ollama.Name);
        Assert.True(ollama.Enabled);
        Assert.True(ollama.Configured);
        Assert.False(ollama.RequiresApiKey);
        Assert.Equal("gemma4", ollama.DefaultModel);
        Assert.Equal(ChatCapabilities.Vision | ChatCapabilities.Reasoning | ChatCapabilities.Tools, ollama.Capabilities);
    }

    [Fact]
    public void AddOllama_Twice_RegistersOnce()
    {
        var services = new ServiceCollection();
        services.AddNxtAIGenCore().AddOllama().AddOllama();

        Assert.Single(services, d => d.ServiceType == typeof(ChatProviderRegistration));
    }

    [Fact]
    public async Task AddOllama_ConfiguredFromConfiguration_StreamsFromTheConfiguredRootWithTheKey()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["NxtAIGen:Providers:ollama:BaseUrl"] = "http://gpu-box:11434/",
            ["NxtAIGen:Providers:ollama:ApiKey"] = TestProviders.ApiKey,
            ["NxtAIGen:Providers:ollama:DefaultModel"] = "qwen3:8b",
        }).Build();
        var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Post, "http://gpu-box:11434/api/chat")
            .WithHeaders("Authorization", "Bearer " + TestProviders.ApiKey)
            .WithPartialContent("\"model\":\"qwen3:8b\"")
            .Respond(TestProviders.NdjsonMediaType, NdjsonBodies.Ok);
        var services = new ServiceCollection();
        services.AddNxtAIGenCore(o => configuration.GetSection("NxtAIGen").Bind(o)).AddOllama();
        services.AddHttpClient("NxtAIGen.Ollama").ConfigurePrimaryHttpMessageHandler(() => mock);
        using var provider = services.BuildServiceProvider();

        var ollama = provider.GetRequiredService<IChatProviderRegistry>().GetProvider("ollama");
        var result = await StreamFolder.CollectAsync(ollama.StreamAsync(TestProviders.Hello()));

        Assert.Null(result.Error);
        Assert.Equal("ok", result.Text);
        mock.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public void AddOllama_ConfigureInCode_OverridesDefaults()
    {
        var services = new ServiceCollection();
        services.AddNxtAIGenCore().AddOllama(o => o.DefaultModel = "llama3.2");
        using var provider = services.BuildServiceProvider();

        Assert.True(provider.GetRequiredService<IChatProviderRegistry>().TryGetDescriptor("ollama", out var descriptor));
        Assert.Equal("llama3.2", descriptor.DefaultModel);
    }

    [Fact]
    public async Task ListModelsAsync_ReadsTagsWithDetails()
    {
        var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Get, "http://localhost:11434/api/tags").Respond("application/json", """
            {"models":[
              {"name":"gemma4:latest","model":"gemma4:latest","modified_at":"2026-01-01T00:00:00Z","size":3338801804,"digest":"abc",
               "details":{"format":"gguf","family":"gemma4","families":["gemma4"],"parameter_size":"8.0B","quantization_level":"Q4_K_M"}},
              {"name":"nomic-embed-text:latest","model":"nomic-embed-text:latest","details":{}},
              {"model":"only-model:1b"}
            ]}
            """);
        var provider = TestProviders.Create(mock);

        var models = await provider.ListModelsAsync();

        Assert.Equal(["gemma4:latest", "nomic-embed-text:latest", "only-model:1b"], models.Select(m => m.Id));
        Assert.Equal("gemma4:latest (8.0B, Q4_K_M)", models[0].Name);
        Assert.Equal("nomic-embed-text:latest", models[1].Name);
        mock.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task ListModelsAsync_ServerError_ThrowsProviderError()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(HttpStatusCode.InternalServerError, "application/json", "{\"error\":\"boom\"}");
        var provider = TestProviders.Create(mock);

        var error = await Assert.ThrowsAsync<NxtAIGenProviderException>(() => provider.ListModelsAsync());

        Assert.Equal(ProviderErrorKind.Server, error.Kind);
        Assert.Equal("boom", error.ProviderMessage);
    }

    [Fact]
    public async Task ListModelsAsync_NoTagsEndpoint_UsesConfiguredModels()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(HttpStatusCode.NotFound);
        var provider = TestProviders.Create(mock, models: ["a", "b"]);

        var models = await provider.ListModelsAsync();

        Assert.Equal(["a", "b"], models.Select(m => m.Id));
    }
}
