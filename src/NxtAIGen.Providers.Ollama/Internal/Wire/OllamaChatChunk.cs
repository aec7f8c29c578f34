using System.Text.Json;

namespace NxtAIGen.Providers.Ollama.Internal.Wire;

/// <summary>
/// One NDJSON line of <c>/api/chat</c> (or <c>/api/generate</c>, whose text is in <see cref="Response"/>), or an
/// error line sent in its place. Unknown members are ignored.
/// </summary>
internal sealed class OllamaChatChunk
{
    public string? Model { get; set; }

    public OllamaMessage? Message { get; set; }

    /// <summary>Gets or sets the text of an <c>/api/generate</c> line.</summary>
    public string? Response { get; set; }

    /// <summary>Gets or sets the reasoning of an <c>/api/generate</c> line.</summary>
    public string? Thinking { get; set; }

    public bool Done { get; set; }

    public string? DoneReason { get; set; }

    public int? PromptEvalCount { get; set; }

    public int? EvalCount { get; set; }

    /// <summary>Gets or sets an in-stream error: a string (Ollama's shape) or an object.</summary>
    public JsonElement? Error { get; set; }
}
