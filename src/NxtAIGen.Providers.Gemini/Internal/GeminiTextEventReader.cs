using System.Text.Json;

namespace NxtAIGen.Providers.Gemini.Internal;

/// <summary>
/// The fast path of <see cref="GeminiStreamParser"/>: nearly every event of an answer is
/// <c>{"candidates":[{"content":{"parts":[{"text":"..."}],"role":"model"}}],"usageMetadata":{...},"modelVersion":"..."}</c>,
/// and reading it into the DTOs allocated about 2 KB per chunk (lists, objects, the model and role strings, the
/// usage's detail arrays). This reader takes that shape with one <see cref="Utf8JsonReader"/> pass and allocates only
/// the text; members the DTOs ignore (<c>safetyRatings</c>, <c>promptTokensDetails</c>, ...) are skipped as they are,
/// and <c>modelVersion</c>/<c>responseId</c> are only checked, since the caller uses it once the metadata was sent.
/// Anything else the DTO path acts on (a finish reason, citations, grounding, thoughts, signatures, function calls,
/// more than one part or candidate, an error, prompt feedback), a member seen twice, a value of an unexpected kind or
/// invalid JSON makes it answer <see langword="false"/>, and the event goes through the source-generated DTO path,
/// so behaviour stays identical.
/// </summary>
internal static class GeminiTextEventReader
{
    /// <summary>Reads a plain text event.</summary>
    /// <param name="data">The event's data.</param>
    /// <param name="result">The text and usage, when the event is plain.</param>
    /// <returns>Whether the event was plain.</returns>
    public static bool TryRead(ReadOnlySpan<byte> data, out GeminiTextEvent result)
    {
        result = default;
        try
        {
            var reader = new Utf8JsonReader(data);
            return reader.Read() && TryReadEvent(ref reader, out result) && !reader.Read();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            result = default;
            return false; // The DTO path reports it as it always did.
        }
    }

    private static bool TryReadEvent(ref Utf8JsonReader reader, out GeminiTextEvent result)
    {
        result = default;
        string? text = null;
        bool candidates = false, usage = false, model = false, id = false;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool ok;
            if (reader.ValueTextEquals("candidates"u8) && !candidates)
            {
                ok = candidates = reader.Read() && TryReadCandidates(ref reader, out text);
            }
            else if (reader.ValueTextEquals("usageMetadata"u8) && !usage)
            {
                ok = usage = reader.Read() && TryReadUsage(ref reader, ref result);
            }
            else if (reader.ValueTextEquals("modelVersion"u8) && !model)
            {
                ok = model = reader.Read() && reader.TokenType is JsonTokenType.String or JsonTokenType.Null;
            }
            else if (reader.ValueTextEquals("responseId"u8) && !id)
            {
                ok = id = reader.Read() && reader.TokenType is JsonTokenType.String or JsonTokenType.Null;
            }
            else if (reader.ValueTextEquals("candidates"u8) || reader.ValueTextEquals("usageMetadata"u8) || reader.ValueTextEquals("modelVersion"u8)
                || reader.ValueTextEquals("responseId"u8) || reader.ValueTextEquals("promptFeedback"u8) || reader.ValueTextEquals("error"u8))
            {
                ok = false;
            }
            else
            {
                ok = reader.Read() && reader.TrySkip(); // A member the DTO ignores.
            }

            if (!ok)
            {
                return false;
            }
        }

        result = result with { Text = text };
        return reader.TokenType == JsonTokenType.EndObject && candidates;
    }

    /// <summary>Exactly one candidate, index 0 (or none given), with exactly one part that has only text.</summary>
    private static bool TryReadCandidates(ref Utf8JsonReader reader, out string? text)
    {
        text = null;
        if (reader.TokenType != JsonTokenType.StartArray || !reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        bool content = false, index = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool ok;
            if (reader.ValueTextEquals("content"u8) && !content)
            {
                ok = content = reader.Read() && TryReadContent(ref reader, out text);
            }
            else if (reader.ValueTextEquals("index"u8) && !index)
            {
                ok = index = reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value) && value == 0;
            }
            else if (reader.ValueTextEquals("content"u8) || reader.ValueTextEquals("index"u8) || reader.ValueTextEquals("finishReason"u8)
                || reader.ValueTextEquals("finishMessage"u8) || reader.ValueTextEquals("citationMetadata"u8) || reader.ValueTextEquals("groundingMetadata"u8))
            {
                ok = false;
            }
            else
            {
                ok = reader.Read() && reader.TrySkip(); // safetyRatings and other members the DTO ignores.
            }

            if (!ok)
            {
                return false;
            }
        }

        return reader.TokenType == JsonTokenType.EndObject && content
            && reader.Read() && reader.TokenType == JsonTokenType.EndArray;
    }

    private static bool TryReadContent(ref Utf8JsonReader reader, out string? text)
    {
        text = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var parts = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool ok;
            if (reader.ValueTextEquals("parts"u8) && !parts)
            {
                ok = parts = reader.Read() && TryReadParts(ref reader, out text);
            }
            else if (reader.ValueTextEquals("parts"u8))
            {
                ok = false;
            }
            else
            {
                ok = reader.Read() && reader.TrySkip(); // role and members the DTO ignores.
            }

            if (!ok)
            {
                return false;
            }
        }

        return reader.TokenType == JsonTokenType.EndObject && parts;
    }

    private static bool TryReadParts(ref Utf8JsonReader reader, out string? text)
    {
        text = null;
        if (reader.TokenType != JsonTokenType.StartArray || !reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var hasText = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("text"u8) && !hasText)
            {
                hasText = reader.Read() && reader.TokenType == JsonTokenType.String;
                if (!hasText)
                {
                    return false;
                }

                text = reader.GetString();
            }
            else if (reader.ValueTextEquals("text"u8) || reader.ValueTextEquals("thought"u8) || reader.ValueTextEquals("thoughtSignature"u8)
                || reader.ValueTextEquals("functionCall"u8))
            {
                return false;
            }
            else if (!(reader.Read() && reader.TrySkip()))
            {
                return false;
            }
        }

        return reader.TokenType == JsonTokenType.EndObject && hasText
            && reader.Read() && reader.TokenType == JsonTokenType.EndArray;
    }

    private static bool TryReadUsage(ref Utf8JsonReader reader, ref GeminiTextEvent result)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        int? prompt = null, candidates = null, thoughts = null, cached = null, total = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool ok;
            if (reader.ValueTextEquals("promptTokenCount"u8) && prompt is null)
            {
                ok = TryReadCount(ref reader, out prompt);
            }
            else if (reader.ValueTextEquals("candidatesTokenCount"u8) && candidates is null)
            {
                ok = TryReadCount(ref reader, out candidates);
            }
            else if (reader.ValueTextEquals("thoughtsTokenCount"u8) && thoughts is null)
            {
                ok = TryReadCount(ref reader, out thoughts);
            }
            else if (reader.ValueTextEquals("cachedContentTokenCount"u8) && cached is null)
            {
                ok = TryReadCount(ref reader, out cached);
            }
            else if (reader.ValueTextEquals("totalTokenCount"u8) && total is null)
            {
                ok = TryReadCount(ref reader, out total);
            }
            else if (reader.ValueTextEquals("promptTokenCount"u8) || reader.ValueTextEquals("candidatesTokenCount"u8) || reader.ValueTextEquals("thoughtsTokenCount"u8)
                || reader.ValueTextEquals("cachedContentTokenCount"u8) || reader.ValueTextEquals("totalTokenCount"u8))
            {
                ok = false;
            }
            else
            {
                ok = reader.Read() && reader.TrySkip(); // promptTokensDetails and other members the DTO ignores.
            }

            if (!ok)
            {
                return false;
            }
        }

        var hasUsage = prompt is not null || candidates is not null || thoughts is not null || cached is not null || total is not null;
        result = result with
        {
            HasUsage = hasUsage,
            PromptTokenCount = prompt,
            CandidatesTokenCount = candidates,
            ThoughtsTokenCount = thoughts,
            CachedContentTokenCount = cached,
        };
        return reader.TokenType == JsonTokenType.EndObject;
    }

    /// <summary>A plain integer count; anything else (null, a string, a fraction) goes to the DTO path.</summary>
    private static bool TryReadCount(ref Utf8JsonReader reader, out int? count)
    {
        count = null;
        if (!reader.Read() || reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var value))
        {
            return false;
        }

        count = value;
        return true;
    }
}
