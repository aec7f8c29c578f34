using System.Text.Json;

namespace NxtAIGen.Benchmarks;

/// <summary>
/// The JSON half of the hand-tuned baselines: one forward <see cref="Utf8JsonReader"/> pass that follows a fixed path of
/// property names (descending into arrays) and allocates only the text string. It knows nothing of errors, tool calls
/// or usage: it is the floor a real parser cannot go below, not a parser.
/// </summary>
internal static class HandTunedJson
{
    private static readonly byte[][] AnthropicPath = ["delta"u8.ToArray(), "text"u8.ToArray()];
    private static readonly byte[][] OllamaPath = ["message"u8.ToArray(), "content"u8.ToArray()];
    private static readonly byte[][] GeminiPath = ["candidates"u8.ToArray(), "content"u8.ToArray(), "parts"u8.ToArray(), "text"u8.ToArray()];
    private static readonly byte[][] CoherePath = ["delta"u8.ToArray(), "message"u8.ToArray(), "content"u8.ToArray(), "text"u8.ToArray()];

    /// <summary><c>content_block_delta</c>: <c>delta.text</c>.</summary>
    public static string? Anthropic(ReadOnlySpan<byte> json) => Find(json, AnthropicPath);

    /// <summary><c>/api/chat</c> line: <c>message.content</c>.</summary>
    public static string? Ollama(ReadOnlySpan<byte> json) => Find(json, OllamaPath);

    /// <summary><c>candidates[].content.parts[].text</c> (the first one found).</summary>
    public static string? Gemini(ReadOnlySpan<byte> json) => Find(json, GeminiPath);

    /// <summary><c>content-delta</c>: <c>delta.message.content.text</c>.</summary>
    public static string? Cohere(ReadOnlySpan<byte> json) => Find(json, CoherePath);

    private static string? Find(ReadOnlySpan<byte> json, byte[][] path)
    {
        var reader = new Utf8JsonReader(json);
        var matched = 0;
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                continue; // Start of an object or array on the path: step in.
            }

            if (!reader.ValueTextEquals(path[matched]))
            {
                reader.Read();
                reader.Skip();
                continue;
            }

            matched++;
            reader.Read();
            if (matched == path.Length)
            {
                return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }

            if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
            {
                return null;
            }
        }

        return null;
    }
}
