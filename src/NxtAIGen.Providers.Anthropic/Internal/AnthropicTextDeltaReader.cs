using System.Text.Json;

namespace NxtAIGen.Providers.Anthropic.Internal;

/// <summary>
/// The fast path of <see cref="AnthropicStreamParser"/>: nearly every event of an answer is a
/// <c>{"type":"content_block_delta","index":N,"delta":{"type":"text_delta","text":"..."}}</c>, and reading it into
/// the DTOs allocated about 0.8 KB per chunk (the event, the delta, every string). This reader takes exactly that shape
/// with one <see cref="Utf8JsonReader"/> pass and allocates only the text. Anything else (another event or delta
/// type, a member it does not know, one seen twice, a value of an unexpected kind, invalid JSON) makes it answer
/// <see langword="false"/>, and the event goes through the source-generated DTO path, so behaviour stays identical.
/// </summary>
internal static class AnthropicTextDeltaReader
{
    /// <summary>Reads a text delta event.</summary>
    /// <param name="data">The event's data.</param>
    /// <param name="text">The delta's text (possibly empty) when the event is a plain text delta.</param>
    /// <returns>Whether the event was a plain text delta.</returns>
    public static bool TryRead(ReadOnlySpan<byte> data, out string? text)
    {
        text = null;
        try
        {
            var reader = new Utf8JsonReader(data);
            return TryReadEvent(ref reader, out text) && !reader.Read();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            text = null;
            return false; // The DTO path reports it as it always did.
        }
    }

    private static bool TryReadEvent(ref Utf8JsonReader reader, out string? text)
    {
        text = null;
        bool type = false, index = false, delta = false;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8) && !type)
            {
                type = reader.Read() && reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("content_block_delta"u8);
                if (!type)
                {
                    return false;
                }
            }
            else if (reader.ValueTextEquals("index"u8) && !index)
            {
                index = reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out _);
                if (!index)
                {
                    return false;
                }
            }
            else if (reader.ValueTextEquals("delta"u8) && !delta)
            {
                delta = reader.Read() && TryReadDelta(ref reader, out text);
                if (!delta)
                {
                    return false;
                }
            }
            else
            {
                return false;
            }
        }

        return reader.TokenType == JsonTokenType.EndObject && type && delta;
    }

    private static bool TryReadDelta(ref Utf8JsonReader reader, out string? text)
    {
        text = null;
        bool type = false, hasText = false;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8) && !type)
            {
                type = reader.Read() && reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("text_delta"u8);
                if (!type)
                {
                    return false;
                }
            }
            else if (reader.ValueTextEquals("text"u8) && !hasText)
            {
                hasText = reader.Read() && reader.TokenType == JsonTokenType.String;
                if (!hasText)
                {
                    return false;
                }

                text = reader.GetString();
            }
            else
            {
                return false;
            }
        }

        return reader.TokenType == JsonTokenType.EndObject && type && hasText;
    }
}
