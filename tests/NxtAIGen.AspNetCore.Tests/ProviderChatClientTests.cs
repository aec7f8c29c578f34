using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using NxtAIGen.Abstractions;

namespace NxtAIGen.AspNetCore.Tests;

/// <summary><c>AddNxtAIGen().AddProviderAsChatClient("id")</c>: a provider resolved from DI as a keyed IChatClient, with middleware.</summary>
public sealed class ProviderChatClientTests
{
    [Fact]
    public async Task KeyedChatClient_StreamsFromTheProvider_ThroughMiddleware()
    {
        var calls = 0;
        await using var app = await TestApp.StartAsync(configure: b => b.AddProviderAsChatClient("fake")
            .Use(async (messages, options, next, cancellationToken) =>
            {
                calls++;
                await next(messages, options, cancellationToken);
            }));
        app.Provider.NextCall()
            .Yield(ChatChunk.ForMetadata(new ChatResponseMetadata { ResponseId = "r1", Model = "fake-1-2026" }))
            .Text("Hello from the provider")
            .Yield(ChatChunk.ForUsage(new ChatUsage { InputTokens = 4, OutputTokens = 5 }))
            .Finish();

        var client = app.Services.GetRequiredKeyedService<IChatClient>("fake");
        var response = await client.GetResponseAsync("Hi");

        Assert.Equal("Hello from the provider", response.Text);
        Assert.Equal(("r1", "fake-1-2026"), (response.ResponseId, response.ModelId));
        Assert.Equal(Microsoft.Extensions.AI.ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(9, response.Usage!.TotalTokenCount);
        Assert.Equal(1, calls);
        Assert.Equal("Hi", Assert.Single(app.Provider.Requests).Messages[0].Text);
        Assert.Equal("fake-1", client.GetService<ChatClientMetadata>()!.DefaultModelId);
    }

    [Fact]
    public async Task KeyedChatClient_DisabledProvider_FailsWithNotFound()
    {
        await using var app = await TestApp.StartAsync(
            new() { ["NxtAIGen:Providers:fake:Enabled"] = "false", ["NxtAIGen:DefaultProvider"] = null },
            configure: b => b.AddProviderAsChatClient("fake", serviceKey: "assistant"));

        var client = app.Services.GetRequiredKeyedService<IChatClient>("assistant");

        var error = await Assert.ThrowsAsync<NxtAIGenProviderException>(() => client.GetResponseAsync("Hi"));
        Assert.Equal(ProviderErrorKind.NotFound, error.Kind);
    }
}
