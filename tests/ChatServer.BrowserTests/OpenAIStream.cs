using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ChatServer.BrowserTests;

/// <summary>Bodies in the OpenAI chat-completions streaming format, for <see cref="FakeUpstream"/>.</summary>
internal static class OpenAIStream
{
    /// <summary>One <c>chat.completion.chunk</c> event carrying a text delta.</summary>
    public static byte[] Chunk(string content) => Event(new Dictionary<string, object?>
    {
        ["id"] = "chatcmpl-browser",
        ["object"] = "chat.completion.chunk",
        ["model"] = "gpt-test",
        ["choices"] = new object[] { new Dictionary<string, object?> { ["index"] = 0, ["delta"] = new Dictionary<string, object?> { ["content"] = content } } },
    });

    /// <summary>The final chunk (finish reason and usage) and <c>[DONE]</c>.</summary>
    public static byte[] End(int inputTokens = 12, int outputTokens = 7)
    {
        var finish = Event(new Dictionary<string, object?>
        {
            ["id"] = "chatcmpl-browser",
            ["object"] = "chat.completion.chunk",
            ["model"] = "gpt-test",
            ["choices"] = new object[] { new Dictionary<string, object?> { ["index"] = 0, ["delta"] = new Dictionary<string, object?>(), ["finish_reason"] = "stop" } },
            ["usage"] = new Dictionary<string, object?> { ["prompt_tokens"] = inputTokens, ["completion_tokens"] = outputTokens, ["total_tokens"] = inputTokens + outputTokens },
        });
        return [.. finish, .. "data: [DONE]\n\n"u8];
    }

    /// <summary>A whole answer: one chunk per piece, then the end.</summary>
    public static byte[] Answer(params string[] pieces) => [.. pieces.SelectMany(Chunk), .. End()];

    /// <summary>A handler that answers every request with <paramref name="pieces"/>.</summary>
    public static Func<HttpContext, Task> Answering(params string[] pieces) => FakeUpstream.Sse(Answer(pieces));

    private static byte[] Event(Dictionary<string, object?> payload) =>
        Encoding.UTF8.GetBytes($"data: {JsonSerializer.Serialize(payload, BrowserJsonContext.Default.DictionaryStringObject)}\n\n");
}
