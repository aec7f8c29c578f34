namespace NxtAIGen.Providers.Gemini.Internal.Wire;

/// <summary>One recitation source.</summary>
internal sealed class GeminiCitationSource
{
    public string? Uri { get; set; }
}
