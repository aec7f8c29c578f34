using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NxtAIGen.Abstractions;
using NxtAIGen.Testing;
using RichardSzalay.MockHttp;

namespace NxtAIGen.Providers.Cohere.Tests;

public sealed class CohereNxtAIGenBuilderExtensionsTests
{
    [Fact]
    public void AddCohere_WithoutKey_ListedAsBuiltInThatNeedsAKey()
    {
        var services = new ServiceCollection();
        services.AddNxtAIGenCore().AddCohere();
        using var provider = services.BuildServiceProvider();
        var registry = provider.GetRequiredService<IChatProviderRegistry>();

        var cohere = Assert.Single(registry.Providers);

        Assert.Equal("cohere", cohere.Id);
        Assert.Equal("Cohere", cohere.Name);
        Assert.True(cohere.RequiresApiKey);
        Assert.False(cohere.Configured);
        Assert.Equal("command-a-03-2025", cohere.DefaultModel);
        Assert.Equal(ChatCapabilities.Vision | ChatCapabilities.Reasoning | ChatCapabilities.Tools, cohere.Capabilities);
    }

    [Fact]
    public void AddCohere_Twice_RegistersOnce()
    {
        var services = new ServiceCollection();
        services.AddNxtAIGenCore().AddCohere().AddCohere();

        Assert.Single(services, d => d.ServiceType == typeof(ChatProviderRegistration));
    }

    [Fact]
    public async Task AddCohere_ConfiguredFromConfiguration_StreamsWithTheKeyFromTheConfiguredRoot()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["NxtAIGen:Providers:cohere:BaseUrl"] = "http://127.0.0.1:7000",
            ["NxtAIGen:Providers:cohere:ApiKey"] = TestProviders.ApiKey,
        }).Build();
        var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Post, "http://127.0.0.1:7000/v2/chat")
            .WithHeaders("Authorization", "Bearer " + TestProviders.ApiKey)
            .Respond("text/event-stream", SseBodies.Ok);
        var services = new ServiceCollection();
        services.AddNxtAIGenCore(o => configuration.GetSection("NxtAIGen").Bind(o)).AddCohere();
        services.AddHttpClient("NxtAIGen.Cohere").ConfigurePrimaryHttpMessageHandler(() => mock);
        using var provider = services.BuildServiceProvider();
        var registry = provider.GetRequiredService<IChatProviderRegistry>();

        Assert.True(registry.TryGetDescriptor("cohere", out var descriptor) && descriptor.Configured);
        var result = await StreamFolder.CollectAsync(registry.GetProvider("cohere").StreamAsync(TestProviders.Hello()));

        Assert.Null(result.Error);
        Assert.Equal("Hel", result.Text);
        mock.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task ListModelsAsync_ReadsChatModelsAcrossPages()
    {
        var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Get, "https://api.cohere.com/v1/models?endpoint=chat&page_size=1000")
            .WithHeaders("Authorization", "Bearer " + TestProviders.ApiKey)
            .Respond("application/json", """
                {"models":[
                  {"name":"command-a-03-2025","endpoints":["chat","generate"],"finetuned":false,"context_length":256000,"features":["tools","strict_tools","json_mode"]},
                  {"name":"command-a-vision-07-2025","endpoints":["chat"],"context_length":128000,"features":["vision"],"supports_vision":true}
                ],"next_page_token":"p2"}
                """);
        mock.Expect(HttpMethod.Get, "https://api.cohere.com/v1/models?endpoint=chat&page_size=1000&page_token=p2")
            .Respond("application/json", """{"models":[{"name":"command-a-reasoning-08-2025","context_length":256000,"features":["tools","reasoning"]},{"name":"c4ai-aya"}]}""");
        var provider = TestProviders.Create(mock);

        var models = await provider.ListModelsAsync();

        Assert.Equal(["command-a-03-2025", "command-a-vision-07-2025", "command-a-reasoning-08-2025", "c4ai-aya"], models.Select(m => m.Id));
        Assert.Equal(256000, models[0].ContextWindow);
        Assert.Equal(ChatCapabilities.Tools, models[0].Capabilities);
        Assert.Equal(ChatCapabilities.Vision, models[1].Capabilities);
        Assert.Equal(ChatCapabilities.Tools | ChatCapabilities.Reasoning, models[2].Capabilities);
        Assert.Null(models[3].Capabilities);
        mock.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task ListModelsAsync_Unauthorized_ThrowsAuthenticationError()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(HttpStatusCode.Unauthorized, "application/json", "{\"id\":\"x\",\"message\":\"invalid api token\"}");
        var provider = TestProviders.Create(mock);

        var error = await Assert.ThrowsAsync<NxtAIGenProviderException>(() => provider.ListModelsAsync());

        Assert.Equal(ProviderErrorKind.Authentication, error.Kind);
        Assert.Equal("invalid api token", error.ProviderMessage);
    }
}
