using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NxtAIGen.Abstractions;

namespace NxtAIGen.Providers.Demo.Tests;

public sealed class DemoNxtAIGenBuilderExtensionsTests
{
    [Fact]
    public void AddDemo_NoKey_ListedAsConfiguredBuiltIn()
    {
        var services = new ServiceCollection();
        services.AddNxtAIGenCore().AddDemo();
        using var provider = services.BuildServiceProvider();
        var registry = provider.GetRequiredService<IChatProviderRegistry>();

        var demo = Assert.Single(registry.Providers);

        Assert.Equal("demo", demo.Id);
        Assert.Equal("demo", demo.Type);
        Assert.True(demo.Enabled);
        Assert.True(demo.Configured);
        Assert.False(demo.RequiresApiKey);
        Assert.Equal("demo-1", demo.DefaultModel);
        Assert.Equal(ChatCapabilities.Vision | ChatCapabilities.Documents | ChatCapabilities.Reasoning, demo.Capabilities);
        Assert.Equal("demo", registry.DefaultProviderId);
    }

    [Fact]
    public async Task AddDemo_ResolvedThroughRegistry_Streams()
    {
        var services = new ServiceCollection();
        services.AddNxtAIGenCore().AddDemo(o => o.WordDelay = TimeSpan.Zero);
        using var provider = services.BuildServiceProvider();
        var demo = provider.GetRequiredService<IChatProviderRegistry>().GetProvider("DEMO");

        var chunks = new List<ChatChunk>();
        await foreach (var chunk in demo.StreamAsync(DemoTestHost.Ask("Hello")))
        {
            chunks.Add(chunk);
        }

        Assert.Equal("demo", demo.Id);
        Assert.Equal(ChatFinishReason.Stop, chunks[^1].FinishReason);
        Assert.NotEmpty(DemoTestHost.TextOf(chunks));
    }

    [Fact]
    public void AddDemo_Twice_RegistersOnce()
    {
        var services = new ServiceCollection();
        services.AddNxtAIGenCore().AddDemo().AddDemo();

        Assert.Single(services, d => d.ServiceType == typeof(ChatProviderRegistration));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<DemoProviderOptions>));
    }

    [Fact]
    public async Task AddDemo_ConfiguredDefaultModel_UsedAndListed()
    {
        var services = new ServiceCollection();
        services.AddNxtAIGenCore().AddDemo().ConfigureProvider("demo", o => o.DefaultModel = "demo-custom");
        using var provider = services.BuildServiceProvider();
        var registry = provider.GetRequiredService<IChatProviderRegistry>();

        Assert.True(registry.TryGetDescriptor("demo", out var descriptor));
        Assert.Equal("demo-custom", descriptor.DefaultModel);
        var models = await registry.GetProvider("demo").ListModelsAsync();
        Assert.Equal("demo-custom", models[0].Id);
    }

    [Fact]
    public void AddDemo_Defaults_WordDelay40ms()
    {
        var options = new DemoProviderOptions();

        Assert.Equal(TimeSpan.FromMilliseconds(40), options.WordDelay);
        Assert.Equal(TimeSpan.FromMilliseconds(15), options.ReasoningWordDelay);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(10_001)]
    public void AddDemo_WordDelayOutOfRange_FailsValidation(int milliseconds)
    {
        var services = new ServiceCollection();
        services.AddNxtAIGenCore().AddDemo(o => o.WordDelay = TimeSpan.FromMilliseconds(milliseconds));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DemoProviderOptions>>().Value);

        Assert.Contains("WordDelay", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddDemo_ReasoningDelayOutOfRange_FailsValidation()
    {
        var services = new ServiceCollection();
        services.AddNxtAIGenCore().AddDemo(o => o.ReasoningWordDelay = TimeSpan.FromSeconds(-1));
        using var provider = services.BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DemoProviderOptions>>().Value);
    }
}
