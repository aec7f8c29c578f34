namespace NxtAIGen.Providers.Gemini.Internal.Wire;

/// <summary>A grounding source's address and title.</summary>
internal sealed class GeminiGroundingSource
{
    public string? Uri { get; set; }

    public string? Title { get; set; }
}
