using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NxtAIGen.Providers.OpenAI.Internal.Wire;

/// <summary>Reads tool-call arguments: a string fragment, or an object some gateways send whole (kept as JSON text).</summary>
internal sealed class OpenAIArgumentsConverter : JsonConverter<string?>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.StartObject:
            case JsonTokenType.StartArray:
                using (var document = JsonDocument.ParseValue(ref reader))
                {
                    return document.RootElement.GetRawText();
                }

            default:
                return Encoding.UTF8.GetString(reader.ValueSpan);
        }
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) =>
        throw new NotSupportedException();
}
