using System.Net.ServerSentEvents;
using System.Text.Json;

namespace NxtAIGen.Benchmarks;

/// <summary>
/// The practical limit for the OpenAI format: <see cref="SseParser"/> plus one <see cref="Utf8JsonReader"/> pass per
/// event that pulls out <c>choices[0].delta.content</c> and nothing else (no metadata, usage, tool calls or errors).
/// </summary>
internal static class OpenAIHandTunedParser
{
    private static readonly SseItemParser<string?> ContentParser = ParseContent;

    /// <summary>Reads a body to its end, returning the total length of the texts it carried (so the work cannot be skipped).</summary>
    public static async Task<int> ReadAsync(Stream body)
    {
        var length = 0;
        await foreach (var item in SseParser.Create(body, ContentParser).EnumerateAsync().ConfigureAwait(false))
        {
            length += item.Data?.Length ?? 0;
        }

        return length;
    }

    internal static string? ParseContent(string eventType, ReadOnlySpan<byte> data)
    {
        if (data.SequenceEqual("[DONE]"u8))
        {
            return null;
        }

        var reader = new Utf8JsonReader(data);
        while (reader.Read())
        {
            // Root properties are at depth 1, a choice's at depth 3, the delta's at depth 4.
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 4 && reader.ValueTextEquals("content"u8))
            {
                reader.Read();
                return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
        }

        return null;
    }
}
