namespace NxtAIGen.Providers.OpenAI.Internal.Wire;

/// <summary>One entry of <c>GET /models</c>.</summary>
internal sealed class OpenAIModel
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    /// <summary>Gets or sets Groq's context window.</summary>
    public int? ContextWindow { get; set; }

    /// <summary>Gets or sets OpenRouter's and Together's context window.</summary>
    public int? ContextLength { get; set; }

    /// <summary>Gets or sets Mistral's context window.</summary>
    public int? MaxContextLength { get; set; }
}
