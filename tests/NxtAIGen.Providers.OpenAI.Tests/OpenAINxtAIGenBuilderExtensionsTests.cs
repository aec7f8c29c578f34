using System.Net;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NxtAIGen.Abstractions;
using NxtAIGen.Testing;
using RichardSzalay.MockHttp;

namespace NxtAIGen.Providers.OpenAI.Tests;

public sealed class OpenAINxtAIGenBuilderExtensionsTests
{
    private static readonly string[] BuiltInIds = ["deepseek", "github", "groq", "huggingface", "mistral", "moonshot", "openai", "openrouter", "perplexity", "xai"];

    [Fact]
    public void AddOpenAI_RegistersEveryBuiltInPresetButNotTheTemplate()
    {
        using var services = Build(null, b => b.AddOpenAI(o => o.ApiKey = "sk-code"));
        var registry = services.GetRequiredService<IChatProviderRegistry>();

        Assert.Equal(BuiltInIds, registry.Providers.Select(p => p.Id));
        var openai = registry.Providers.Single(p => p.Id == "openai");
        Assert.True(openai.Configured);
        Assert.Equal("gpt-5-mini", openai.DefaultModel);
        Assert.True(openai.Capabilities.HasFlag(ChatCapabilities.Documents));
        Assert.False(registry.Providers.Single(p => p.Id == "groq").Configured);
        Assert.Equal("openai", registry.DefaultProviderId);
    }

    [Fact]
    public void AddOpenAI_Twice_RegistersEachTypeOnce()
    {
        var collection = new ServiceCollection();
        collection.AddNxtAIGenCore().AddOpenAI().AddOpenAI();

        Assert.Equal(11, collection.Count(d => d.ServiceType == typeof(ChatProviderRegistration)));
    }

    [Fact]
    public async Task GetProvider_Configured_StreamsThroughTheNamedHttpClient()
    {
        var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Post, "https://api.openai.com/v1/chat/completions")
            .WithHeaders("Authorization", "Bearer sk-code")
            .Respond("text/event-stream", SseBodies.Ok);
        using var services = Build(mock, b => b.AddOpenAI(o => o.ApiKey = "sk-code"));

        var provider = services.GetRequiredService<IChatProviderRegistry>().GetProvider("openai");
        var result = await StreamFolder.CollectAsync(provider.StreamAsync(TestProviders.Hello()));

        Assert.Equal("openai", provider.Id);
        Assert.Equal("ok", result.Text);
        mock.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task GetProvider_UserKey_IsSentInsteadOfConfiguredKey()
    {
        var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Post, "https://api.deepseek.com/v1/chat/completions")
            .WithHeaders("Authorization", "Bearer sk-user")
            .Respond("text/event-stream", SseBodies.Ok);
        using var services = Build(mock, b => b.AddOpenAI(), ("NxtAIGen:Providers:deepseek:ApiKey", "sk-server"));

        var provider = services.GetRequiredService<IChatProviderRegistry>().GetProvider("deepseek", "sk-user");
        await StreamFolder.ReadAllAsync(provider.StreamAsync(TestProviders.Hello()));

        mock.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task Configuration_OpenAICompatibleId_UsesItsBaseUrlModelAndHeaders()
    {
        var mock = new MockHttpMessageHandler();
        string? body = null;
        mock.Expect(HttpMethod.Post, "http://127.0.0.1:9000/v1/chat/completions")
            .With(r => r.Headers.Authorization is null && r.Headers.TryGetValues("X-Team", out var v) && v.Single() == "blue")
            .Respond(async r =>
            {
                body = await r.Content!.ReadAsStringAsync();
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(SseBodies.Ok, Encoding.UTF8, "text/event-stream") };
            });
        using var services = Build(
            mock,
            b => b.AddOpenAI(),
            ("NxtAIGen:Providers:local:Type", "openai-compatible"),
            ("NxtAIGen:Providers:local:BaseUrl", "http://127.0.0.1:9000/v1"),
            ("NxtAIGen:Providers:local:DefaultModel", "qwen3:8b"),
            ("NxtAIGen:Providers:local:Headers:X-Team", "blue"));
        var registry = services.GetRequiredService<IChatProviderRegistry>();

        Assert.True(registry.TryGetDescriptor("local", out var descriptor));
        Assert.Equal("openai-compatible", descriptor.Type);
        Assert.True(descriptor.Configured);
        var result = await StreamFolder.CollectAsync(registry.GetProvider("local").StreamAsync(TestProviders.Hello()));

        Assert.Null(result.Error);
        mock.VerifyNoOutstandingExpectation();
        JsonAssert.Equal("""
            {"model": "qwen3:8b", "messages": [{"role": "user", "content": "Hello"}], "stream": true, "stream_options": {"include_usage": true}}
            """, body);
    }

    [Fact]
    public void Configuration_BaseUrlOverrideOfBuiltIn_IsUsed()
    {
        using var services = Build(null, b => b.AddOpenAI(), ("NxtAIGen:Providers:openai:BaseUrl", "http://127.0.0.1:9001/v1"));

        var provider = services.GetRequiredService<IChatProviderRegistry>().GetProvider("openai");

        Assert.Equal("openai", provider.Id);
    }

    [Fact]
    public void AddOpenAICompatible_AddsAConfiguredId()
    {
        using var services = Build(null, b => b.AddOpenAICompatible("lmstudio", o =>
        {
            o.BaseUrl = new Uri("http://localhost:1234/v1");
            o.DefaultModel = "qwen2.5-7b-instruct";
        }));
        var registry = services.GetRequiredService<IChatProviderRegistry>();

        Assert.True(registry.TryGetDescriptor("lmstudio", out var descriptor));
        Assert.Equal("openai-compatible", descriptor.Type);
        Assert.Equal("qwen2.5-7b-instruct", descriptor.DefaultModel);
        Assert.False(descriptor.RequiresApiKey);
        Assert.Contains(registry.Providers, p => p.Id == "openai");
    }

    [Fact]
    public void AddOpenAICompatible_BuiltInId_Throws()
    {
        var builder = new ServiceCollection().AddNxtAIGenCore();

        Assert.Throws<ArgumentException>(() => builder.AddOpenAICompatible("openai", o => o.BaseUrl = new Uri("http://localhost/v1")));
    }

    [Fact]
    public void Validation_CompatibleIdWithoutBaseUrl_NamesTheKey()
    {
        using var services = Build(null, b => b.AddOpenAI(), ("NxtAIGen:Providers:local:Type", "openai-compatible"));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ChatProviderRegistryOptions>>().Value);

        Assert.Contains("NxtAIGen:Providers:local:BaseUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validation_UnknownType_NamesTheKey()
    {
        using var services = Build(null, b => b.AddOpenAI(), ("NxtAIGen:Providers:local:Type", "openai-compatibel"));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ChatProviderRegistryOptions>>().Value);

        Assert.Contains("NxtAIGen:Providers:local:Type", error.Message, StringComparison.Ordinal);
        Assert.Contains("openai-compatible", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validation_InvalidDefaultModel_NamesTheKey()
    {
        using var services = Build(null, b => b.AddOpenAI(), ("NxtAIGen:Providers:groq:DefaultModel", "bad model"));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ChatProviderRegistryOptions>>().Value);

        Assert.Contains("NxtAIGen:Providers:groq:DefaultModel", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(HttpMessageHandler? handler, Action<INxtAIGenBuilder> add, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var services = new ServiceCollection();
        services.Configure<ChatProviderRegistryOptions>(configuration.GetSection("NxtAIGen"));
        add(services.AddNxtAIGenCore());
        if (handler is not null)
        {
            services.AddHttpClient("NxtAIGen.OpenAI").ConfigurePrimaryHttpMessageHandler(() => handler);
        }

        return services.BuildServiceProvider();
    }
}
