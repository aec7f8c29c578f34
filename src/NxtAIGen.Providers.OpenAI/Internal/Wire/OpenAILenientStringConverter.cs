using System.Text.Json;
using System.Text.Json.Serialization;

namespace NxtAIGen.Providers.OpenAI.Internal.Wire;

/// <summary>Reads a string; any other value (an object a vendor put there) is skipped as <see langword="null"/>.</summary>
internal sealed class OpenAILenientStringConverter : JsonConverter<string?>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        reader.Skip();
        return null;
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) =>
        throw new NotSupportedException();
}
