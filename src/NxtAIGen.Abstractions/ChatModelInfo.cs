namespace NxtAIGen.Abstractions;

/// <summary>A model offered by a provider.</summary>
/// <param name="Id">The model id to put in <see cref="ChatRequest.Model"/>.</param>
public sealed record ChatModelInfo(string Id)
{
    /// <summary>Gets a human-readable name, when the provider gives one.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the context window in tokens, when known.</summary>
    public int? ContextWindow { get; init; }

    /// <summary>Gets the model's capabilities, when the provider says.</summary>
    public ChatCapabilities? Capabilities { get; init; }
}
