namespace NxtAIGen.Providers.Ollama.Internal.Wire;

/// <summary>The <c>GET /api/tags</c> answer: the locally available models.</summary>
internal sealed class OllamaTagList
{
    public List<OllamaModel>? Models { get; set; }
}
