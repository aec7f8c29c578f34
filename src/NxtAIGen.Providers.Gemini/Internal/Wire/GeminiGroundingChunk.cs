using System.Text.Json.Serialization;

namespace NxtAIGen.Providers.Gemini.Internal.Wire;

/// <summary>One grounding source: a web page, a retrieved document or a place.</summary>
internal sealed class GeminiGroundingChunk
{
    public GeminiGroundingSource? Web { get; set; }

    public GeminiGroundingSource? RetrievedContext { get; set; }

    public GeminiGroundingSource? Maps { get; set; }

    /// <summary>Gets the source's URI, whichever kind it is.</summary>
    [JsonIgnore]
    public string? Uri => Web?.Uri ?? RetrievedContext?.Uri ?? Maps?.Uri;
}
