using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text;
using OpenAI;
using OpenAI.Chat;
using OpenAI.Models;

namespace NxtAIGen.AspNetCore.Tests;

/// <summary>The official OpenAI .NET SDK (NuGet <c>OpenAI</c>), pointed at the gateway on a real port.</summary>
public sealed class GatewayOpenAIDotnetClientTests : IAsyncLifetime
{
    private const string WeatherSchema = """{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}""";
    private KestrelGateway _gateway = null!;

    public async Task InitializeAsync() => _gateway = await KestrelGateway.StartAsync();

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task Streaming_TextAndUsage()
    {
        _gateway.QueueText();
        var text = new StringBuilder();
        ChatTokenUsage? usage = null;
        ChatFinishReason? finish = null;
        string? model = null;

        await foreach (var update in Client().CompleteChatStreamingAsync([new UserChatMessage("Say hello.")]))
        {
            model ??= update.Model;
            foreach (var part in update.ContentUpdate)
            {
                text.Append(part.Text);
            }

            usage = update.Usage ?? usage;
            finish = update.FinishReason ?? finish;
        }

        Assert.Equal("Hello from the gateway.", text.ToString());
        Assert.Equal(ChatFinishReason.Stop, finish);
        Assert.Equal("fake/fake-1", model);
        Assert.NotNull(usage);
        Assert.Equal((11, 5, 16), (usage.InputTokenCount, usage.OutputTokenCount, usage.TotalTokenCount));
        Assert.Equal("Say hello.", Assert.Single(_gateway.Provider.Requests).Messages[0].Text);
    }

    [Fact]
    public async Task Streaming_ToolCall()
    {
        _gateway.QueueToolCall();
        var options = new ChatCompletionOptions();
        options.Tools.Add(ChatTool.CreateFunctionTool("get_weather", "Gets the weather of a city.", BinaryData.FromString(WeatherSchema)));
        string? id = null, name = null;
        var arguments = new StringBuilder();
        ChatFinishReason? finish = null;
        ChatTokenUsage? usage = null;

        await foreach (var update in Client().CompleteChatStreamingAsync([new UserChatMessage("Weather in Paris?")], options))
        {
            foreach (var call in update.ToolCallUpdates)
            {
                Assert.Equal(0, call.Index);
                id ??= call.ToolCallId;
                name ??= call.FunctionName;
                arguments.Append(call.FunctionArgumentsUpdate?.ToString());
            }

            finish = update.FinishReason ?? finish;
            usage = update.Usage ?? usage;
        }

        Assert.Equal(("call_42", "get_weather", """{"city":"Paris"}"""), (id, name, arguments.ToString()));
        Assert.Equal(ChatFinishReason.ToolCalls, finish);
        Assert.Equal(29, usage?.TotalTokenCount);
        var tool = Assert.Single(Assert.Single(_gateway.Provider.Requests).Tools!);
        Assert.Equal("get_weather", tool.Name);
    }

    [Fact]
    public async Task NonStreaming_ToolRoundTrip_SendsTheToolResultBack()
    {
        _gateway.QueueToolCall();
        _gateway.QueueText();
        var options = new ChatCompletionOptions();
        options.Tools.Add(ChatTool.CreateFunctionTool("get_weather", "Gets the weather of a city.", BinaryData.FromString(WeatherSchema)));
        List<OpenAI.Chat.ChatMessage> messages = [new UserChatMessage("Weather in Paris?")];

        ChatCompletion first = await Client().CompleteChatAsync(messages, options);
        Assert.Equal(ChatFinishReason.ToolCalls, first.FinishReason);
        var call = Assert.Single(first.ToolCalls);
        Assert.Equal(("call_42", "get_weather"), (call.Id, call.FunctionName));
        Assert.Equal("Paris", System.Text.Json.JsonDocument.Parse(call.FunctionArguments.ToString()).RootElement.GetProperty("city").GetString());
        messages.Add(new AssistantChatMessage(first));
        messages.Add(new ToolChatMessage(call.Id, """{"temperature":21}"""));
        ChatCompletion second = await Client().CompleteChatAsync(messages, options);

        Assert.Equal("Hello from the gateway.", second.Content[0].Text);
        Assert.Equal(16, second.Usage.TotalTokenCount);
        var sent = _gateway.Provider.Requests[1].Messages;
        var result = Assert.IsType<NxtAIGen.Abstractions.ToolResultPart>(Assert.Single(sent[^1].Parts));
        Assert.Equal(("call_42", "get_weather", """{"temperature":21}"""), (result.ToolCallId, result.Name, result.Content));
    }

    [Fact]
    public async Task Models_AreListedAsProviderSlashModel()
    {
        var models = new OpenAIModelClient(new ApiKeyCredential(GatewayRequests.ServerKey), Options());

        OpenAIModelCollection list = await models.GetModelsAsync();

        Assert.Contains(list, m => m.Id == "fake/fake-1" && m.OwnedBy == "fake");
    }

    [Fact]
    public async Task WrongKey_IsA401ClientResultException()
    {
        var client = new ChatClient("fake/fake-1", new ApiKeyCredential("not-a-gateway-key"), Options());

        var error = await Assert.ThrowsAsync<ClientResultException>(() => client.CompleteChatAsync([new UserChatMessage("hi")]));

        Assert.Equal(401, error.Status);
        Assert.Contains("invalid_api_key", error.Message, StringComparison.Ordinal);
    }

    private ChatClient Client() => new("fake/fake-1", new ApiKeyCredential(GatewayRequests.ServerKey), Options());

    private OpenAIClientOptions Options() => new()
    {
        Endpoint = new Uri(_gateway.BaseUrl.ToString().TrimEnd('/')),
        RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        NetworkTimeout = TimeSpan.FromSeconds(30),
    };
}
