using System.Net;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using NxtAIGen.Abstractions;
using NxtAIGen.Testing;
using AI = Microsoft.Extensions.AI;
using Nx = NxtAIGen.Abstractions;

namespace NxtAIGen.Tests;

/// <summary>An IChatClient as a provider: errors become typed provider errors, a missing finish is inferred, models are listed, DI registration works.</summary>
public sealed class ChatClientStreamProviderTests
{
    private static readonly ChatRequest Hello = new() { Messages = [Nx.ChatMessage.User("Hello")] };

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, ProviderErrorKind.RateLimited)]
    [InlineData(HttpStatusCode.ServiceUnavailable, ProviderErrorKind.Overloaded)]
    [InlineData(HttpStatusCode.Unauthorized, ProviderErrorKind.Authentication)]
    [InlineData(HttpStatusCode.NotFound, ProviderErrorKind.NotFound)]
    public async Task StreamAsync_HttpFailure_BecomesProviderExceptionOfItsKind(HttpStatusCode status, ProviderErrorKind kind)
    {
        var client = new ListChatClient().Answer([], new HttpRequestException("upstream said no to sk-secret", null, status));
        var provider = client.AsChatStreamProvider("wrapped");

        var result = await StreamFolder.CollectAsync(provider.StreamAsync(Hello));

        var error = Assert.IsType<NxtAIGenProviderException>(result.Error);
        Assert.Equal(kind, error.Kind);
        Assert.Equal("wrapped", error.ProviderId);
        Assert.Equal((int)status, error.StatusCode);
        Assert.DoesNotContain("sk-secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamAsync_ConnectionFailureMidStream_IsNetworkErrorAfterTheText()
    {
        var client = new ListChatClient().Answer([new ChatResponseUpdate(AI.ChatRole.Assistant, "partial")], new HttpRequestException("reset"));
        var result = await StreamFolder.CollectAsync(client.AsChatStreamProvider("wrapped").StreamAsync(Hello));

        Assert.Equal("partial", result.Text);
        Assert.Equal(ProviderErrorKind.Network, Assert.IsType<NxtAIGenProviderException>(result.Error).Kind);
        Assert.Equal(0, result.FinishCount);
    }

    [Fact]
    public async Task StreamAsync_ErrorContent_BecomesProviderExceptionWithItsCode()
    {
        var client = new ListChatClient().Answer([new ChatResponseUpdate(AI.ChatRole.Assistant, [new ErrorContent("slow down") { ErrorCode = "rate_limit_exceeded" }])]);
        var result = await StreamFolder.CollectAsync(client.AsChatStreamProvider("wrapped").StreamAsync(Hello));

        var error = Assert.IsType<NxtAIGenProviderException>(result.Error);
        Assert.Equal(ProviderErrorKind.RateLimited, error.Kind);
        Assert.Equal("rate_limit_exceeded", error.ProviderCode);
    }

    [Fact]
    public async Task StreamAsync_Canceled_SurfacesAsOperationCanceled()
    {
        using var cts = new CancellationTokenSource();
        var client = new ListChatClient().Answer([new ChatResponseUpdate(AI.ChatRole.Assistant, "a"), new ChatResponseUpdate(AI.ChatRole.Assistant, "b")]);
        var provider = client.AsChatStreamProvider("wrapped");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in provider.StreamAsync(Hello, cts.Token))
            {
                await cts.CancelAsync();
            }
        });
    }

    [Fact]
    public async Task StreamAsync_NoFinishReason_InfersStopOrToolCalls()
    {
        var text = new ListChatClient().Answer([new ChatResponseUpdate(AI.ChatRole.Assistant, "hi")]);
        var call = new ListChatClient().Answer([new ChatResponseUpdate(AI.ChatRole.Assistant, [new FunctionCallContent("c1", "f")])]);

        var textResult = await StreamFolder.CollectAsync(text.AsChatStreamProvider("a").StreamAsync(Hello));
        var callResult = await StreamFolder.CollectAsync(call.AsChatStreamProvider("b").StreamAsync(Hello));

        Assert.Equal((Nx.ChatFinishReason.Stop, 1, true), (textResult.UnifiedFinishReason!.Value, textResult.FinishCount, textResult.FinishIsLast));
        Assert.Equal(Nx.ChatFinishReason.ToolCalls, callResult.UnifiedFinishReason);
        Assert.Equal("{}", Assert.Single(callResult.ToolCalls).Arguments);
    }

    [Fact]
    public async Task StreamAsync_DefaultModel_IsSentWhenTheRequestNamesNone()
    {
        var client = new ListChatClient().Answer([new ChatResponseUpdate(AI.ChatRole.Assistant, "hi")]).Answer([new ChatResponseUpdate(AI.ChatRole.Assistant, "hi")]);
        var provider = client.AsChatStreamProvider("wrapped", new ChatClientProviderOptions { DefaultModel = "llama3" });

        await StreamFolder.CollectAsync(provider.StreamAsync(Hello));
        await StreamFolder.CollectAsync(provider.StreamAsync(new ChatRequest { Model = "qwen", Messages = Hello.Messages }));

        Assert.Equal(["llama3", "qwen"], client.Calls.Select(c => c.Options!.ModelId));
    }

    [Fact]
    public async Task ListModelsAsync_UsesTheDelegate_ElseModels_ElseTheClientsDefault()
    {
        var client = new ListChatClient();
        var listed = client.AsChatStreamProvider("a", new ChatClientProviderOptions { ListModels = _ => Task.FromResult<IReadOnlyList<ChatModelInfo>>([new("x"), new("y")]) });
        var configured = new ChatClientProviderOptions();
        configured.Models.Add("m1");
        var failing = client.AsChatStreamProvider("c", new ChatClientProviderOptions { ListModels = _ => throw new HttpRequestException("no", null, HttpStatusCode.Unauthorized) });

        Assert.Equal(["x", "y"], (await listed.ListModelsAsync()).Select(m => m.Id));
        Assert.Equal(["m1"], (await client.AsChatStreamProvider("b", configured).ListModelsAsync()).Select(m => m.Id));
        Assert.Equal(["list-default"], (await client.AsChatStreamProvider("d").ListModelsAsync()).Select(m => m.Id));
        Assert.Equal(ProviderErrorKind.Authentication, (await Assert.ThrowsAsync<NxtAIGenProviderException>(() => failing.ListModelsAsync())).Kind);
    }

    [Fact]
    public async Task AsChatClient_ProviderFailure_SurfacesAsProviderException()
    {
        var provider = new ListProvider().Answer([ChatChunk.ForText("par")], new NxtAIGenProviderException(ProviderErrorKind.Overloaded, "list", "list: overloaded."));
        using var client = provider.AsChatClient();

        var error = await Assert.ThrowsAsync<NxtAIGenProviderException>(() => client.GetResponseAsync("Hello"));
        Assert.Equal(ProviderErrorKind.Overloaded, error.Kind);
    }

    [Fact]
    public void AsChatClient_GetService_GivesMetadataAndTheProvider()
    {
        var provider = new ListProvider("p1");
        using var client = provider.AsChatClient("p1-model");

        var metadata = client.GetService<ChatClientMetadata>();
        Assert.Equal(("p1", "p1-model"), (metadata!.ProviderName, metadata.DefaultModelId));
        Assert.Same(provider, client.GetService<IChatStreamProvider>());
        Assert.Null(client.GetService<IChatStreamProvider>("some-key"));
    }

    [Fact]
    public async Task AddChatClient_RegistersTheClientAsAProvider_WithConfiguredSettings()
    {
        var inner = new ListChatClient().Answer([new ChatResponseUpdate(AI.ChatRole.Assistant, "from the client") { FinishReason = AI.ChatFinishReason.Stop }]);
        var services = new ServiceCollection();
        services.AddSingleton<IChatClient>(inner);
        services.AddNxtAIGenCore(o => o.GetOrAdd("local").DefaultModel = "gemma")
            .AddChatClient("local", configure: o => o.Capabilities = ChatCapabilities.Tools);
        await using var provider = services.BuildServiceProvider();
        var registry = provider.GetRequiredService<IChatProviderRegistry>();

        Assert.True(registry.TryGetDescriptor("local", out var descriptor));
        Assert.Equal((true, true, false, "gemma", ChatCapabilities.Tools), (descriptor.Enabled, descriptor.Configured, descriptor.RequiresApiKey, descriptor.DefaultModel, descriptor.Capabilities));
        var result = await StreamFolder.CollectAsync(registry.GetProvider("local").StreamAsync(Hello));
        Assert.Equal("from the client", result.Text);
        Assert.Equal("gemma", Assert.Single(inner.Calls).Options!.ModelId);
        Assert.Equal(["gemma"], (await registry.GetProvider("local").ListModelsAsync()).Select(m => m.Id));
    }
}
