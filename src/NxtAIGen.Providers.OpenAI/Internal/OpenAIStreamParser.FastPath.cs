using System.Text.Json;
using System.Text.Unicode;
using NxtAIGen.Providers.OpenAI.Internal.Wire;

namespace NxtAIGen.Providers.OpenAI.Internal;

/// <summary>
/// The fast path of <see cref="OpenAIStreamParser"/>. Nearly every event of a long answer is one text or reasoning
/// delta; deserializing each into fresh DTOs (chunk, choice list, choice, delta, id and model strings) cost about
/// 0.9 KB and 1 µs per chunk. This reader walks the event once with <see cref="Utf8JsonReader"/>, fills one reused
/// <see cref="OpenAIChatCompletionChunk"/>, reads <c>id</c>/<c>model</c> only until the metadata chunk is sent, and so
/// allocates only the text it hands on. <see cref="Apply"/> runs on the reused object exactly as on a deserialized one.
/// Whatever it cannot read the same way as the deserializer (errors, tool calls, usage objects, citations, Groq's
/// extras, content blocks, other choices than index 0, invalid UTF-8, malformed JSON, numbers written as strings)
/// makes it return <see langword="false"/>, and the source-generated deserializer reads the event as before.
/// </summary>
internal sealed partial class OpenAIStreamParser
{
    private readonly OpenAIChatCompletionChunk _reused = new();
    private readonly OpenAIChunkChoice _reusedChoice = new();
    private readonly OpenAIChunkDelta _reusedDelta = new();
    private readonly List<OpenAIChunkChoice> _reusedChoices = new(1);

    /// <summary>Reads a common event into the reused chunk; <see langword="false"/> leaves the event to the deserializer.</summary>
    /// <param name="data">The event's data.</param>
    /// <param name="chunk">The reused chunk, valid until the next event is read.</param>
    /// <returns>Whether the event was read.</returns>
    internal bool TryReadCommonEvent(ReadOnlySpan<byte> data, out OpenAIChatCompletionChunk chunk)
    {
        chunk = _reused;
        if (!Utf8.IsValid(data))
        {
            return false; // The deserializer decides how invalid text fails.
        }

        Reset();
        var reader = new Utf8JsonReader(data);
        try
        {
            return ReadRoot(ref reader) && !reader.Read();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return false; // Malformed JSON or an invalid escape: the deserializer reports it.
        }
    }

    private void Reset()
    {
        _reused.Id = null;
        _reused.Model = null;
        _reused.Choices = null;
        _reused.Usage = null;
        _reused.Error = null;
        _reused.Citations = null;
        _reused.XGroq = null;
        _reusedChoice.Index = 0;
        _reusedChoice.FinishReason = null;
        _reusedChoice.Delta = _reusedDelta;
        _reusedDelta.Content = default;
        _reusedDelta.ReasoningContent = null;
        _reusedDelta.Reasoning = null;
        _reusedDelta.Refusal = null;
        _reusedDelta.ToolCalls = null;
        if (_reusedChoices.Count == 0)
        {
            _reusedChoices.Add(_reusedChoice);
        }
    }

    private bool ReadRoot(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var sawChoices = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("choices"u8))
            {
                if (sawChoices || !ReadChoices(ref reader))
                {
                    return false;
                }

                sawChoices = true;
            }
            else if (reader.ValueTextEquals("id"u8))
            {
                if (!ReadMetadataString(ref reader, out var id))
                {
                    return false;
                }

                _reused.Id = id;
            }
            else if (reader.ValueTextEquals("model"u8))
            {
                if (!ReadMetadataString(ref reader, out var model))
                {
                    return false;
                }

                _reused.Model = model;
            }
            else if (reader.ValueTextEquals("usage"u8) || reader.ValueTextEquals("error"u8)
                || reader.ValueTextEquals("citations"u8) || reader.ValueTextEquals("x_groq"u8))
            {
                // Rare members with their own handling: only their null form is read here.
                if (!reader.Read() || reader.TokenType != JsonTokenType.Null)
                {
                    return false;
                }
            }
            else
            {
                reader.Skip(); // object, created, system_fingerprint, service_tier, obfuscation...: unused, as in the DTO.
            }
        }

        return reader.TokenType == JsonTokenType.EndObject;
    }

    /// <summary>Reads <c>id</c> or <c>model</c>; once the metadata chunk is out, the value is checked but not allocated.</summary>
    private bool ReadMetadataString(ref Utf8JsonReader reader, out string? value)
    {
        reader.Read();
        value = null;
        if (reader.TokenType == JsonTokenType.String)
        {
            value = _metadataSent ? null : reader.GetString();
            return true;
        }

        return reader.TokenType == JsonTokenType.Null;
    }

    /// <summary>Reads a choices array of at most one choice, with index 0.</summary>
    private bool ReadChoices(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        reader.Read();
        if (reader.TokenType == JsonTokenType.EndArray)
        {
            return true; // No choice: Apply does the same with an empty list as with none.
        }

        if (reader.TokenType != JsonTokenType.StartObject || !ReadChoice(ref reader))
        {
            return false;
        }

        reader.Read();
        _reused.Choices = _reusedChoices;
        return reader.TokenType == JsonTokenType.EndArray;
    }

    private bool ReadChoice(ref Utf8JsonReader reader)
    {
        var sawDelta = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("index"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var index) || index != 0)
                {
                    return false;
                }
            }
            else if (reader.ValueTextEquals("delta"u8))
            {
                if (sawDelta || !ReadDelta(ref reader))
                {
                    return false;
                }

                sawDelta = true;
            }
            else if (reader.ValueTextEquals("finish_reason"u8))
            {
                if (!ReadNullableString(ref reader, out var finishReason))
                {
                    return false;
                }

                _reusedChoice.FinishReason = finishReason;
            }
            else
            {
                reader.Skip(); // logprobs and the like: unused, as in the DTO.
            }
        }

        return reader.TokenType == JsonTokenType.EndObject;
    }

    private bool ReadDelta(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true; // The same as an empty delta.
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string? text;
            if (reader.ValueTextEquals("content"u8))
            {
                reader.Read();
                if (reader.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject)
                {
                    return false; // Mistral's content blocks.
                }

                // A string is the text; null, a number or a boolean is no content (as OpenAIDeltaContentConverter reads them).
                _reusedDelta.Content = new OpenAIDeltaContent(reader.TokenType == JsonTokenType.String ? reader.GetString() : null, null);
            }
            else if (reader.ValueTextEquals("reasoning_content"u8))
            {
                if (!ReadNullableString(ref reader, out text))
                {
                    return false;
                }

                _reusedDelta.ReasoningContent = text;
            }
            else if (reader.ValueTextEquals("reasoning"u8))
            {
                if (!ReadNullableString(ref reader, out text))
                {
                    return false;
                }

                _reusedDelta.Reasoning = text;
            }
            else if (reader.ValueTextEquals("refusal"u8))
            {
                if (!ReadNullableString(ref reader, out text))
                {
                    return false;
                }

                _reusedDelta.Refusal = text;
            }
            else if (reader.ValueTextEquals("tool_calls"u8))
            {
                if (!reader.Read() || reader.TokenType != JsonTokenType.Null)
                {
                    return false; // Tool-call fragments go through the DTOs.
                }
            }
            else
            {
                reader.Skip(); // role, function_call (legacy) and others: unused, as in the DTO.
            }
        }

        return reader.TokenType == JsonTokenType.EndObject;
    }

    private static bool ReadNullableString(ref Utf8JsonReader reader, out string? value)
    {
        reader.Read();
        value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return reader.TokenType is JsonTokenType.String or JsonTokenType.Null;
    }
}
