using System.Text.Json;

namespace NxtAIGen.Providers.Cohere.Internal.Wire;

/// <summary>
/// The <c>delta.message</c> of a stream event. Its members change shape with the event: empty arrays in
/// <c>message-start</c>, one object in <c>content-*</c>, <c>tool-call-*</c> and <c>citation-*</c>, so they stay raw.
/// </summary>
internal sealed class CohereDeltaMessage
{
    public JsonElement? Content { get; set; }

    public string? ToolPlan { get; set; }

    public JsonElement? ToolCalls { get; set; }

    public JsonElement? Citations { get; set; }
}
