using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using NxtAIGen.Abstractions;
using NxtAIGen.Testing;
using RichardSzalay.MockHttp;
using ChatMessage = Microsoft.Extensions.AI.ChatMessage;
using ChatRole = Microsoft.Extensions.AI.ChatRole;
using ChatFinishReason = Microsoft.Extensions.AI.ChatFinishReason;

namespace NxtAIGen.Tests;

/// <summary>
/// Microsoft.Extensions.AI's own function-invocation middleware over the NxtAIGen OpenAI provider: the first answer is the
/// recorded parallel tool-call stream, the middleware runs both functions, and the second request carries their results.
/// </summary>
public sealed class FunctionInvocationTests
{
    private const string ApiKey = "sk-test-0123456789abcdef";
    private static readonly Uri BaseUrl = new("http://upstream.test/v1/");

    [Fact]
    public async Task UseFunctionInvocation_ToolCallFixture_SendsToolResultsAndStreamsTheFinalAnswer()
    {
        var (mock, bodies) = Upstream("openai/parallel-tool-calls", "openai/text-usage-chunk");
        await using var services = Services(mock);
        var weather = new TestFunction("GetWeatherArgs", args => $"12 degrees in {args["city"]}");
        var stock = new TestFunction("get_stock_price", args => "{\"price\":227.5}");
        var client = new ChatClientBuilder(Provider(services).AsChatClient())
            .UseFunctionInvocation()
            .Build();

        var text = new StringBuilder();
        var calls = new List<FunctionCallContent>();
        var results = new List<FunctionResultContent>();
        await foreach (var update in client.GetStreamingResponseAsync(
            [new ChatMessage(ChatRole.User, "Weather in Edinburgh and the AAPL price?")],
            new ChatOptions { ModelId = "gpt-4o", Tools = [weather, stock] }))
        {
            text.Append(update.Text);
            calls.AddRange(update.Contents.OfType<FunctionCallContent>());
            results.AddRange(update.Contents.OfType<FunctionResultContent>());
        }

        Assert.Equal(2, bodies.Count);
        Assert.Equal(["GetWeatherArgs", "get_stock_price"], calls.Select(c => c.Name));
        Assert.Equal(2, results.Count);
        Assert.Equal(1, weather.Calls);
        Assert.Equal(1, stock.Calls);
        Assert.Equal(StreamFixture.Load("openai/text-usage-chunk").Expected.Text, text.ToString());

        // The first request declares both tools with their schemas.
        using var first = JsonDocument.Parse(bodies[0]);
        var tools = first.RootElement.GetProperty("tools").EnumerateArray().ToList();
        Assert.Equal(["GetWeatherArgs", "get_stock_price"], tools.Select(t => t.GetProperty("function").GetProperty("name").GetString()));
        Assert.Equal("object", tools[0].GetProperty("function").GetProperty("parameters").GetProperty("type").GetString());

        // The second request carries the assistant's calls and one tool message per result, matched by call id.
        using var second = JsonDocument.Parse(bodies[1]);
        var messages = second.RootElement.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["user", "assistant", "tool", "tool"], messages.Select(m => m.GetProperty("role").GetString()));
        var assistantCalls = messages[1].GetProperty("tool_calls").EnumerateArray().ToList();
        Assert.Equal(["call_JMW1whyEaYG438VE1OIflxA2", "call_DNYTawLBoN8fj3KN6qU9N1Ou"], assistantCalls.Select(c => c.GetProperty("id").GetString()));
        using (var arguments = JsonDocument.Parse(assistantCalls[0].GetProperty("function").GetProperty("arguments").GetString()!))
        {
            Assert.Equal("Edinburgh", arguments.RootElement.GetProperty("city").GetString());
        }

        Assert.Equal("call_JMW1whyEaYG438VE1OIflxA2", messages[2].GetProperty("tool_call_id").GetString());
        Assert.Equal("12 degrees in Edinburgh", messages[2].GetProperty("content").GetString());
        Assert.Equal("call_DNYTawLBoN8fj3KN6qU9N1Ou", messages[3].GetProperty("tool_call_id").GetString());
        Assert.Equal("{\"price\":227.5}", messages[3].GetProperty("content").GetString());
    }

    [Fact]
    public async Task UseFunctionInvocation_NonStreaming_ReturnsFinalAnswerWithUsage()
    {
        var (mock, bodies) = Upstream("openai/parallel-tool-calls", "openai/text-usage-chunk");
        await using var services = Services(mock);
        var client = new ChatClientBuilder(Provider(services).AsChatClient())
            .UseFunctionInvocation()
            .Build();

        var response = await client.GetResponseAsync(
            [new ChatMessage(ChatRole.User, "Weather and price?")],
            new ChatOptions
            {
                ModelId = "gpt-4o",
                Tools = [new TestFunction("GetWeatherArgs", _ => "sunny"), new TestFunction("get_stock_price", _ => "1")],
            });

        var expected = StreamFixture.Load("openai/text-usage-chunk").Expected;
        Assert.Equal(2, bodies.Count);
        Assert.Equal(expected.Text, response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal("gpt-4o-2024-08-06", response.ModelId);
        Assert.NotNull(response.Usage);
        Assert.True(response.Usage!.InputTokenCount > 0);
    }

    internal static ServiceProvider Services(MockHttpMessageHandler mock)
    {
        var services = new ServiceCollection();
        services.AddNxtAIGenCore().AddOpenAI(o =>
        {
            o.ApiKey = ApiKey;
            o.BaseUrl = BaseUrl;
        });
        services.ConfigureHttpClientDefaults(b => b.ConfigurePrimaryHttpMessageHandler(() => mock));
        return services.BuildServiceProvider();
    }

    internal static IChatStreamProvider Provider(IServiceProvider services) =>
        services.GetRequiredService<IChatProviderRegistry>().GetProvider("openai");

    /// <summary>An upstream that answers successive chat requests with the given fixtures, keeping each request body.</summary>
    internal static (MockHttpMessageHandler Mock, List<string> Bodies) Upstream(params string[] fixtures)
    {
        var mock = new MockHttpMessageHandler();
        var bodies = new List<string>();
        foreach (var id in fixtures)
        {
            var fixture = StreamFixture.Load(id);
            mock.Expect(HttpMethod.Post, new Uri(BaseUrl, "chat/completions").ToString())
                .WithHeaders("Authorization", "Bearer " + ApiKey)
                .Respond(async request =>
                {
                    bodies.Add(await request.Content!.ReadAsStringAsync());
                    return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(fixture.Body) { Headers = { { "Content-Type", "text/event-stream" } } } };
                });
        }

        return (mock, bodies);
    }
}
