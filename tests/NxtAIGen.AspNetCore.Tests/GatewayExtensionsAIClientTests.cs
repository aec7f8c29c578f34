using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAI;

namespace NxtAIGen.AspNetCore.Tests;

/// <summary>Microsoft.Extensions.AI's OpenAI client (<c>Microsoft.Extensions.AI.OpenAI</c>), pointed at the gateway on a real port.</summary>
public sealed class GatewayExtensionsAIClientTests : IAsyncLifetime
{
    private KestrelGateway _gateway = null!;

    public async Task InitializeAsync() => _gateway = await KestrelGateway.StartAsync();

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task Streaming_TextAndUsage()
    {
        _gateway.QueueText();
        List<ChatResponseUpdate> updates = [];

        await foreach (var update in Client().GetStreamingResponseAsync("Say hello."))
        {
            updates.Add(update);
        }

        var response = updates.ToChatResponse();
        Assert.Equal("Hello from the gateway.", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal("fake/fake-1", response.ModelId);
        Assert.StartsWith("chatcmpl-", response.ResponseId, StringComparison.Ordinal);
        Assert.Equal((11L, 5L, 16L), (response.Usage?.InputTokenCount, response.Usage?.OutputTokenCount, response.Usage?.TotalTokenCount));
    }

    [Fact]
    public async Task Streaming_ToolCall()
    {
        _gateway.QueueToolCall();
        var schema = JsonDocument.Parse("""{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}""").RootElement;
        var options = new ChatOptions { Tools = [AIFunctionFactory.CreateDeclaration("get_weather", "Gets the weather of a city.", schema)] };
        List<ChatResponseUpdate> updates = [];

        await foreach (var update in Client().GetStreamingResponseAsync("Weather in Paris?", options))
        {
            updates.Add(update);
        }

        var response = updates.ToChatResponse();
        var call = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal(("call_42", "get_weather"), (call.CallId, call.Name));
        Assert.Equal("Paris", call.Arguments!["city"]?.ToString());
        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
        Assert.Equal(29L, response.Usage?.TotalTokenCount);
    }

    [Fact]
    public async Task NonStreaming_Text()
    {
        _gateway.QueueText();

        var response = await Client().GetResponseAsync("Say hello.");

        Assert.Equal("Hello from the gateway.", response.Text);
        Assert.Equal(16L, response.Usage?.TotalTokenCount);
    }

    private IChatClient Client() =>
        new OpenAI.Chat.ChatClient("fake/fake-1", new ApiKeyCredential(GatewayRequests.ServerKey), new OpenAIClientOptions
        {
            Endpoint = new Uri(_gateway.BaseUrl.ToString().TrimEnd('/')),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        }).AsIChatClient();
}
