using System.Text.Json;

namespace NxtAIGen.Providers.Cohere.Internal;

/// <summary>
/// The fast path of <see cref="CohereStreamParser"/>: nearly every event of an answer is
/// <c>{"type":"content-delta","index":N,"delta":{"message":{"content":{"text":"..."}}}}</c>, and reading it into the
/// DTOs (then the content element into its own DTO) allocated five objects and a JSON document per chunk. This reader
/// takes exactly that shape (the content may also carry a string <c>type</c>) with one <see cref="Utf8JsonReader"/>
/// pass and allocates only the text. Anything else (thinking, another event type, a member it does not know, one seen
/// twice, a value of an unexpected kind, invalid JSON) makes it answer <see langword="false"/>, and the event goes
/// through the source-generated DTO path, so behaviour stays identical.
/// </summary>
internal static class CohereTextDeltaReader
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
            return reader.Read() && TryReadEvent(ref reader, out text) && !reader.Read();
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
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool ok;
            if (reader.ValueTextEquals("type"u8) && !type)
            {
                ok = type = reader.Read() && reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("content-delta"u8);
            }
            else if (reader.ValueTextEquals("index"u8) && !index)
            {
                ok = index = reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out _);
            }
            else if (reader.ValueTextEquals("delta"u8) && !delta)
            {
                ok = delta = reader.Read() && TryReadOnly(ref reader, "message"u8) && TryReadOnly(ref reader, "content"u8) && TryReadContent(ref reader, out text)
                    && reader.Read() && reader.TokenType == JsonTokenType.EndObject // message
                    && reader.Read() && reader.TokenType == JsonTokenType.EndObject; // delta
            }
            else
            {
                ok = false;
            }

            if (!ok)
            {
                return false;
            }
        }

        return reader.TokenType == JsonTokenType.EndObject && type && delta;
    }

    /// <summary>At an object's start: whether its first member is <paramref name="name"/>; the reader is left on its value.</summary>
    private static bool TryReadOnly(ref Utf8JsonReader reader, ReadOnlySpan<byte> name) =>
        reader.TokenType == JsonTokenType.StartObject
        && reader.Read() && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals(name)
        && reader.Read();

    private static bool TryReadContent(ref Utf8JsonReader reader, out string? text)
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
                type = reader.Read() && reader.TokenType == JsonTokenType.String;
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

        return reader.TokenType == JsonTokenType.EndObject && hasText;
    }
}
