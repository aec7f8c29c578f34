namespace NxtAIGen.Providers.Gemini.Internal.Wire;

/// <summary>Recitation sources: <c>citationSources</c> (Gemini API) or <c>citations</c> (Vertex).</summary>
internal sealed class GeminiCitationMetadata
{
    public List<GeminiCitationSource>? CitationSources { get; set; }

    public List<GeminiCitationSource>? Citations { get; set; }
}
