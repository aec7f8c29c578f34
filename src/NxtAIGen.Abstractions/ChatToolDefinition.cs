using System.Text.Json;

namespace NxtAIGen.Abstractions;

/// <summary>A tool (function) the model may call.</summary>
/// <param name="Name">The function name.</param>
/// <param name="Description">What the function does, for the model.</param>
/// <param name="ParametersSchema">A JSON schema object for the arguments; <see langword="null"/> for none.</param>
public sealed record ChatToolDefinition(string Name, string? Description = null, JsonElement? ParametersSchema = null)
{
    /// <summary>
    /// Writes <see cref="ParametersSchema"/> as the current JSON value, or an empty object schema
    /// (<c>{"type":"object","properties":{}}</c>) when the tool takes no arguments, which is what APIs that require a
    /// schema expect.
    /// </summary>
    /// <param name="writer">The writer, positioned where the schema value goes.</param>
    public void WriteParametersSchema(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (ParametersSchema is { ValueKind: JsonValueKind.Object } schema)
        {
            schema.WriteTo(writer);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("type"u8, "object"u8);
        writer.WriteStartObject("properties"u8);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
