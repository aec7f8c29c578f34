using System.Text.Json;

namespace NxtAIGen.Providers.Gemini.Internal.Wire;

/// <summary>A piece of a streamed argument: the value at <see cref="JsonPath"/> (string pieces are appended).</summary>
internal sealed class GeminiPartialArg
{
    public string? JsonPath { get; set; }

    public string? StringValue { get; set; }

    public JsonElement? NumberValue { get; set; }

    public bool? BoolValue { get; set; }

    public JsonElement? NullValue { get; set; }

    public bool? WillContinue { get; set; }
}
