namespace NxtAIGen.Providers.Gemini.Internal.Wire;

/// <summary>Grounding (Google Search, URL context, retrieval) sources.</summary>
internal sealed class GeminiGroundingMetadata
{
    public List<GeminiGroundingChunk>? GroundingChunks { get; set; }
}
