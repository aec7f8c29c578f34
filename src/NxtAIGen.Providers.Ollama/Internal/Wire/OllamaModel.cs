namespace NxtAIGen.Providers.Ollama.Internal.Wire;

/// <summary>One entry of <c>GET /api/tags</c>.</summary>
internal sealed class OllamaModel
{
    public string? Name { get; set; }

    public string? Model { get; set; }

    public OllamaModelDetails? Details { get; set; }
}
