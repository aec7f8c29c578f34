namespace NxtAIGen.Providers.Gemini.Internal.Wire;

/// <summary>One candidate of a response.</summary>
internal sealed class GeminiCandidate
{
    public GeminiContent? Content { get; set; }

    public string? FinishReason { get; set; }

    public string? FinishMessage { get; set; }

    public int? Index { get; set; }

    public GeminiCitationMetadata? CitationMetadata { get; set; }

    public GeminiGroundingMetadata? GroundingMetadata { get; set; }
}
