namespace NxtAIGen.Providers.Ollama.Internal.Wire;

/// <summary>The <c>message</c> of a streamed <c>/api/chat</c> line.</summary>
internal sealed class OllamaMessage
{
    public string? Content { get; set; }

    public string? Thinking { get; set; }

    public List<OllamaToolCall>? ToolCalls { get; set; }
}
