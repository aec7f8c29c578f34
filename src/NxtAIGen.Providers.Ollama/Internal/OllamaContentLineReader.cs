using System.Text.Json;

namespace NxtAIGen.Providers.Ollama.Internal;

/// <summary>
/// The fast path of <see cref="OllamaStreamParser"/>: nearly every line of an answer is
/// <c>{"model":"...","created_at":"...","message":{"role":"assistant","content":"..."},"done":false}</c>, and reading
/// it into the DTOs allocated the model, the date, the role and two objects per chunk. This reader takes that shape with
/// one <see cref="Utf8JsonReader"/> pass and allocates only the content; members the DTOs ignore are skipped as they
/// are. Anything the DTO path acts on besides the content (<c>done: true</c>, thinking, tool calls, an error, the
/// generate API's <c>response</c>, counts), a member seen twice, a value of an unexpected kind or invalid JSON makes
/// it answer <see langword="false"/>, and the line goes through the source-generated DTO path, so behaviour stays
/// identical. The caller uses it only once the first line's model was taken (that line carries the metadata).
/// </summary>
internal static class OllamaContentLineReader
{
    /// <summary>Reads a plain content line.</summary>
    /// <param name="line">The NDJSON line.</param>
    /// <param name="content">The message content (<see langword="null"/> when absent or null) when the line is plain.</param>
    /// <returns>Whether the line was a plain, not final, content line.</returns>
    public static bool TryRead(ReadOnlySpan<byte> line, out string? content)
    {
        content = null;
        try
        {
            var reader = new Utf8JsonReader(line);
            return TryReadLine(ref reader, out content) && !reader.Read();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            content = null;
            return false; // The DTO path reports it as it always did.
        }
    }

    private static bool TryReadLine(ref Utf8JsonReader reader, out string? content)
    {
        content = null;
        bool model = false, message = false, done = false;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("model"u8) && !model)
            {
                model = reader.Read() && reader.TokenType is JsonTokenType.String or JsonTokenType.Null;
                if (!model)
                {
                    return false;
                }
            }
            else if (reader.ValueTextEquals("message"u8) && !message)
            {
                message = reader.Read() && TryReadMessage(ref reader, out content);
                if (!message)
                {
                    return false;
                }
            }
            else if (reader.ValueTextEquals("done"u8) && !done)
            {
                done = reader.Read() && reader.TokenType == JsonTokenType.False;
                if (!done)
                {
                    return false;
                }
            }
            else if (IsMember(ref reader))
            {
                return false; // A member of the DTO that the line carries: the DTO path acts on it.
            }
            else
            {
                reader.Read();
                reader.Skip(); // A member the DTO ignores (created_at, ...).
            }
        }

        return reader.TokenType == JsonTokenType.EndObject;
    }

    private static bool TryReadMessage(ref Utf8JsonReader reader, out string? content)
    {
        content = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var hasContent = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("content"u8) && !hasContent)
            {
                hasContent = reader.Read() && reader.TokenType is JsonTokenType.String or JsonTokenType.Null;
                if (!hasContent)
                {
                    return false;
                }

                content = reader.GetString();
            }
            else if (reader.ValueTextEquals("thinking"u8) || reader.ValueTextEquals("tool_calls"u8) || reader.ValueTextEquals("content"u8))
            {
                return false;
            }
            else
            {
                reader.Read();
                reader.Skip(); // role, images and members the DTO ignores.
            }
        }

        return reader.TokenType == JsonTokenType.EndObject;
    }

    /// <summary>Whether the property is one of <see cref="Wire.OllamaChatChunk"/>'s (other than those read here).</summary>
    private static bool IsMember(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("model"u8) || reader.ValueTextEquals("message"u8) || reader.ValueTextEquals("done"u8)
        || reader.ValueTextEquals("response"u8) || reader.ValueTextEquals("thinking"u8) || reader.ValueTextEquals("done_reason"u8)
        || reader.ValueTextEquals("prompt_eval_count"u8) || reader.ValueTextEquals("eval_count"u8) || reader.ValueTextEquals("error"u8);
}
