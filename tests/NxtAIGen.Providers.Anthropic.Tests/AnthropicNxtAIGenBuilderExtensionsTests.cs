using System.Net;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NxtAIGen.Abstractions;
using NxtAIGen.Testing;

namespace NxtAIGen.Providers.Anthropic.Tests;

public sealed class AnthropicNxtAIGenBuilderExtensionsTests
{
    [Fact]
    public void AddAnthropic_ListsTheBuiltInProvider()
    {
        var services = new ServiceCollection();
        services.AddNxtAIGenCore().AddAnthropic();
        using var provider = services.BuildServiceProvider();
        var registry = provider.GetRequiredService<IChatProviderRegistry>();

        var anthropic = Assert.Single(registry.Providers);

        Assert.Equal("anthropic", anthropic.Id);
        Assert.Equal("Anthropic", anthropic.Name);
        Assert.True(anthropic.RequiresApiKey);
        Assert.False(anthropic.Configured);
        Assert.Equal("claude-sonnet-4-5", anthropic.DefaultModel);
        Assert.Equal(ChatCapabilities.Vision | ChatCapabilities.Documents | ChatCapabilities.Reasoning | ChatCapabilities.Tools, anthropic.Capabilities);
    }

    [Fact]
    public void AddAnthropic_Twice_RegistersOnce()
    {
        var services = new ServiceCollection();
        services.AddNxtAIGenCore().AddAnthropic().AddAnthropic();

        Assert.Single(services, d => d.ServiceType == typeof(ChatProviderRegistration));
    }

    [Fact]
    public async Task AddAnthropic_ConfiguredKeyAndBaseUrl_StreamThroughTheRegistry()
    {
        var handler = StubHttpHandler.ForBody(Encoding.UTF8.GetBytes(SseBodies.Ok));
        var services = new ServiceCollection();
        services.AddNxtAIGenCore().AddAnthropic(o =>
        {
            o.ApiKey = TestProviders.ApiKey;
            o.BaseUrl = new Uri("http://127.0.0.1:9000");
        });
        services.AddHttpClient("NxtAIGen.Anthropic").ConfigurePrimaryHttpMessageHandler(() => handler);
        using var provider = services.BuildServiceProvider();
        var registry = provider.GetRequiredService<IChatProviderRegistry>();

        var chunks = await StreamFolder.ReadAllAsync(registry.GetProvider("ANTHROPIC").StreamAsync(TestProviders.Hello()));

        Assert.True(registry.Providers.Single().Configured);
        Assert.Equal(ChatFinishReason.Stop, chunks[^1].FinishReason);
        Assert.Equal(new Uri("http://127.0.0.1:9000/v1/messages"), handler.LastRequest!.RequestUri);
        Assert.Equal(TestProviders.ApiKey, handler.LastRequest.Headers.GetValues("x-api-key").Single());
    }

    [Fact]
    public async Task AddAnthropic_ConfiguredIdOfTypeAnthropic_UsesItsOwnSettingsAndTheUsersKey()
    {
        var handler = StubHttpHandler.ForBody(Encoding.UTF8.GetBytes(SseBodies.Ok));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Providers:claude-proxy:Type"] = "anthropic",
            ["Providers:claude-proxy:BaseUrl"] = "https://proxy.example.com/v1",
            ["Providers:claude-proxy:DefaultModel"] = "claude-haiku-4-5",
        }).Build();
        var services = new ServiceCollection();
        services.AddNxtAIGenCore(o => configuration.Bind(o)).AddAnthropic();
        services.AddHttpClient("NxtAIGen.Anthropic").ConfigurePrimaryHttpMessageHandler(() => handler);
        using var provider = services.BuildServiceProvider();
        var registry = provider.GetRequiredService<IChatProviderRegistry>();

        await StreamFolder.ReadAllAsync(registry.GetProvider("claude-proxy", "sk-ant-user-key").StreamAsync(TestProviders.Hello()));

        Assert.True(registry.TryGetDescriptor("claude-proxy", out var descriptor));
        Assert.Equal("anthropic", descriptor.Type);
        Assert.Equal(new Uri("https://proxy.example.com/v1/messages"), handler.LastRequest!.RequestUri);
        Assert.Equal("sk-ant-user-key", handler.LastRequest.Headers.GetValues("x-api-key").Single());
        Assert.Contains("\"model\":\"claude-haiku-4-5\"", Encoding.UTF8.GetString(handler.LastRequestBody!), StringComparison.Ordinal);
    }
}
