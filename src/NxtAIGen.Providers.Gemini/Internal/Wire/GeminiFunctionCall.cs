using System.Text.Json;

namespace NxtAIGen.Providers.Gemini.Internal.Wire;

/// <summary>
/// A function call part: whole (<c>name</c> + <c>args</c>), or streamed by Vertex (<c>name</c> with <c>willContinue</c>,
/// then <c>partialArgs</c> pieces, then an empty <c>{}</c> that closes it).
/// </summary>
internal sealed class GeminiFunctionCall
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public JsonElement? Args { get; set; }

    public List<GeminiPartialArg>? PartialArgs { get; set; }

    public bool? WillContinue { get; set; }
}
