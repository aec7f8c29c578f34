using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NxtAIGen.Providers.OpenAI.Internal.Wire;

/// <summary>Reads <c>delta.content</c> as a string or as Mistral's array of <c>text</c>/<c>thinking</c> blocks.</summary>
internal sealed class OpenAIDeltaContentConverter : JsonConverter<OpenAIDeltaContent>
{
    public override OpenAIDeltaContent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return new OpenAIDeltaContent(reader.GetString(), null);
            case JsonTokenType.StartArray:
            case JsonTokenType.StartObject:
                using (var document = JsonDocument.ParseValue(ref reader))
                {
                    StringBuilder? text = null;
                    StringBuilder? thinking = null;
                    ReadBlocks(document.RootElement, ref text, ref thinking);
                    return new OpenAIDeltaContent(text?.ToString(), thinking?.ToString());
                }

            default:
                reader.Skip();
                return default;
        }
    }

    public override void Write(Utf8JsonWriter writer, OpenAIDeltaContent value, JsonSerializerOptions options) =>
        throw new NotSupportedException();

    private static void ReadBlocks(JsonElement element, ref StringBuilder? text, ref StringBuilder? thinking)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    ReadBlocks(item, ref text, ref thinking);
                }

                break;
            case JsonValueKind.String:
                (text ??= new StringBuilder()).Append(element.GetString());
                break;
            case JsonValueKind.Object:
                var type = element.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                if (type == "thinking" && element.TryGetProperty("thinking", out var inner))
                {
                    StringBuilder? ignored = null;
                    ReadBlocks(inner, ref thinking, ref ignored);
                }
                else if ((type is null or "text") && element.TryGetProperty("text", out var value) && value.ValueKind == JsonValueKind.String)
                {
                    (text ??= new StringBuilder()).Append(value.GetString());
                }

                break;
        }
    }
}
