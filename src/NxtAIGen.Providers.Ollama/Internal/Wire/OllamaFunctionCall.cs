using System.Text.Json;

namespace NxtAIGen.Providers.Ollama.Internal.Wire;

/// <summary>The function of a tool call.</summary>
internal sealed class OllamaFunctionCall
{
    public string? Name { get; set; }

    /// <summary>Gets or sets the arguments: an object (a string some models produce is kept as it is).</summary>
    public JsonElement? Arguments { get; set; }
}
