using System.Text.Json;

namespace NxtAIGen.Providers.Gemini.Internal.Wire;

/// <summary>One streamed <c>GenerateContentResponse</c> (each SSE event is a complete one), or an error object.</summary>
internal sealed class GeminiResponse
{
    public List<GeminiCandidate>? Candidates { get; set; }

    public GeminiPromptFeedback? PromptFeedback { get; set; }

    public GeminiUsageMetadata? UsageMetadata { get; set; }

    public string? ModelVersion { get; set; }

    public string? ResponseId { get; set; }

    /// <summary>Gets or sets the error object, when the event is <c>{"error":{...}}</c> instead of a response.</summary>
    public JsonElement? Error { get; set; }
}
