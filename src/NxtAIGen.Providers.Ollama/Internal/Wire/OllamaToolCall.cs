namespace NxtAIGen.Providers.Ollama.Internal.Wire;

/// <summary>A complete tool call: Ollama sends each call whole, with its arguments as an object.</summary>
internal sealed class OllamaToolCall
{
    /// <summary>Gets or sets the call id (recent servers send one; older ones do not).</summary>
    public string? Id { get; set; }

    public OllamaFunctionCall? Function { get; set; }
}
