using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NxtAIGen.Abstractions;
using NxtAIGen.Testing;
using RichardSzalay.MockHttp;

namespace NxtAIGen.Providers.Gemini.Tests;

public sealed class GeminiNxtAIGenBuilderExtensionsTests
{
    [Fact]
    public void AddGemini_RegistersTheBuiltInId()
    {
        var services = new ServiceCollection();
        services.AddNxtAIGenCore().AddGemini().AddGemini();
        using var provider = services.BuildServiceProvider();

        var registry = provider.GetRequiredService<IChatProviderRegistry>();

        Assert.Single(provider.GetServices<ChatProviderRegistration>());
        Assert.True(registry.TryGetDescriptor("gemini", out var descriptor));
        Assert.Equal("Google Gemini", descriptor.Name);
        Assert.Equal("gemini-3.5-flash", descriptor.DefaultModel);
        Assert.Equal(ChatCapabilities.Vision | ChatCapabilities.Documents | ChatCapabilities.Reasoning | ChatCapabilities.Tools, descriptor.Capabilities);
        Assert.True(descriptor.RequiresApiKey);
        Assert.False(descriptor.Configured);
        Assert.Equal("gemini", registry.GetProvider("gemini").Id);
    }

    [Fact]
    public async Task AddGemini_ConfigurationBaseUrlAndKey_AreUsed()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["NxtAIGen:Providers:gemini:BaseUrl"] = "http://127.0.0.1:9000/",
            ["NxtAIGen:Providers:gemini:ApiKey"] = TestProviders.ApiKey,
            ["NxtAIGen:Providers:gemini:DefaultModel"] = "gemini-2.5-flash",
        }).Build();
        var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Post, "http://127.0.0.1:9000/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse")
            .WithHeaders("x-goog-api-key", TestProviders.ApiKey)
            .Respond(HttpStatusCode.OK, "text/event-stream", SseBodies.Ok);
        var services = new ServiceCollection();
        services.Configure<ChatProviderRegistryOptions>(configuration.GetSection("NxtAIGen"));
        services.AddNxtAIGenCore().AddGemini();
        services.AddHttpClient("NxtAIGen.Gemini").ConfigurePrimaryHttpMessageHandler(() => mock);
        using var provider = services.BuildServiceProvider();
        var registry = provider.GetRequiredService<IChatProviderRegistry>();

        var result = await StreamFolder.CollectAsync(registry.GetProvider("gemini").StreamAsync(TestProviders.Hello()));

        Assert.Null(result.Error);
        Assert.Equal("ok", result.Text);
        Assert.True(registry.Providers.Single(p => p.Id == "gemini").Configured);
        mock.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task AddGemini_ConfigureInCodeAndUserKey_UserKeyWins()
    {
        var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Post, "http://localhost:8123/v1beta/models/gemini-3.5-flash:streamGenerateContent?alt=sse")
            .WithHeaders("x-goog-api-key", "user-key-0123456789")
            .Respond(HttpStatusCode.OK, "text/event-stream", SseBodies.Ok);
        var services = new ServiceCollection();
        services.AddNxtAIGenCore().AddGemini(o =>
        {
            o.ApiKey = "server-key-0123456789";
            o.BaseUrl = new Uri("http://localhost:8123");
        });
        services.AddHttpClient("NxtAIGen.Gemini").ConfigurePrimaryHttpMessageHandler(() => mock);
        using var provider = services.BuildServiceProvider();
        var registry = provider.GetRequiredService<IChatProviderRegistry>();

        var chunks = await StreamFolder.ReadAllAsync(registry.GetProvider("gemini", "user-key-0123456789").StreamAsync(TestProviders.Hello()));

        Assert.Equal(ChatChunkKind.Finish, chunks[^1].Kind);
        mock.VerifyNoOutstandingExpectation();
    }
}
