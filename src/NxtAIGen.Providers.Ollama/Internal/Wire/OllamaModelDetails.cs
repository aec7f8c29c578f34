namespace NxtAIGen.Providers.Ollama.Internal.Wire;

/// <summary>The <c>details</c> of a listed model.</summary>
internal sealed class OllamaModelDetails
{
    public string? Family { get; set; }

    public string? ParameterSize { get; set; }

    public string? QuantizationLevel { get; set; }
}
