using Acme.NxtAIGen;
using Microsoft.Extensions.DependencyInjection;
using NxtAIGen.Abstractions;
using NxtAIGen.Testing;

namespace NxtAIGen.Docs.Tests;

/// <summary>The example provider through the registry, as an app would use it after <c>AddAcme()</c>.</summary>
public sealed class AcmeProviderTests
{
    [Fact]
    public async Task AddAcme_ThroughTheRegistry_SendsTheDocumentedRequestAndStreamsText()
    {
        var body = await File.ReadAllBytesAsync(Path.Combine(StreamFixture.Root, "acme", "text-basic.sse"));
        var handler = StubHttpHandler.ForBody(body, Chunking.OneByte);
        var services = new ServiceCollection();
        services.AddNxtAIGenCore().AddAcme(o => o.ApiKey = "sk-acme-test");
        services.AddHttpClient(AcmeChatStreamProvider.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => handler);
        await using var provider = services.BuildServiceProvider();
        var acme = provider.GetRequiredService<IChatProviderRegistry>().GetProvider("acme");

        var request = new ChatRequest
        {
            Messages = [ChatMessage.System("Be brief."), ChatMessage.User("Say hello")],
            MaxOutputTokens = 50,
        };
        var result = await StreamFolder.CollectAsync(acme.StreamAsync(request));

        Assert.Null(result.Error);
        Assert.Equal("Hello, world été ✓", result.Text);
        Assert.Equal(ChatFinishReason.Stop, result.UnifiedFinishReason);
        Assert.Equal(new Uri("https://api.acme.example/v1/chat"), handler.LastRequest!.RequestUri);
        Assert.Equal("Bearer sk-acme-test", handler.LastRequest.Headers.Authorization?.ToString());
        JsonAssert.Equal(
            """
            {"model": "acme-1", "messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Say hello"}],
             "max_tokens": 50, "stream": true}
            """,
            System.Text.Encoding.UTF8.GetString(handler.LastRequestBody!));
    }

    [Fact]
    public async Task ListModels_WithoutConfiguredModels_OffersTheDefaultModel()
    {
        var services = new ServiceCollection();
        services.AddNxtAIGenCore().AddAcme(o => o.ApiKey = "sk-acme-test");
        await using var provider = services.BuildServiceProvider();

        var models = await provider.GetRequiredService<IChatProviderRegistry>().GetProvider("acme").ListModelsAsync();

        Assert.Equal(["acme-1"], models.Select(m => m.Id));
    }
}
