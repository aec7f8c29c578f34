using System.Text.Json.Serialization;

namespace NxtAIGen.Providers.Gemini.Internal.Wire;

/// <summary>Cumulative token counts (Vertex also sends objects with only <c>trafficType</c>).</summary>
internal sealed class GeminiUsageMetadata
{
    public int? PromptTokenCount { get; set; }

    public int? CandidatesTokenCount { get; set; }

    public int? ThoughtsTokenCount { get; set; }

    public int? CachedContentTokenCount { get; set; }

    public int? TotalTokenCount { get; set; }

    /// <summary>Gets whether the object holds any count.</summary>
    [JsonIgnore]
    public bool HasCounts => PromptTokenCount is not null || CandidatesTokenCount is not null || ThoughtsTokenCount is not null
        || CachedContentTokenCount is not null || TotalTokenCount is not null;
}
