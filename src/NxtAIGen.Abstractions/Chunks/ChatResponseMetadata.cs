namespace NxtAIGen.Abstractions;

/// <summary>Facts about the response as a whole.</summary>
public sealed record ChatResponseMetadata
{
    /// <summary>Gets the provider's response id.</summary>
    public string? ResponseId { get; init; }

    /// <summary>Gets the model that actually answered (may be more specific than the one asked for).</summary>
    public string? Model { get; init; }

    /// <summary>Gets source URLs the answer cites (Perplexity, grounding), in the provider's order.</summary>
    public IReadOnlyList<string>? Citations { get; init; }
}
