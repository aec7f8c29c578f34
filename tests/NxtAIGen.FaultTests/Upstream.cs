using System.Text;

namespace NxtAIGen.FaultTests;

/// <summary>Scripts for the <see cref="FaultyUpstream"/>: well-behaved answers and the faults.</summary>
public static class Upstream
{
    public static string Content(string text) =>
        $$"""{"id":"c1","object":"chat.completion.chunk","model":"gpt-fault","choices":[{"index":0,"delta":{"content":{{System.Text.Json.JsonSerializer.Serialize(text, FaultJson.Default.String)}}},"finish_reason":null}]}""";

    public const string Stop = """{"id":"c1","object":"chat.completion.chunk","model":"gpt-fault","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}""";

    /// <summary>The whole body of a good answer: "Hello" + " world", stop, <c>[DONE]</c>.</summary>
    public static byte[] GoodBody() => Encoding.UTF8.GetBytes(
        $"data: {Content("Hello")}\n\ndata: {Content(" world")}\n\ndata: {Stop}\n\ndata: [DONE]\n\n");

    /// <summary>A good OpenAI answer.</summary>
    public static async Task Good(UpstreamExchange e)
    {
        await e.WriteHeadersAsync(200);
        await e.WriteAsync(GoodBody());
    }
}
