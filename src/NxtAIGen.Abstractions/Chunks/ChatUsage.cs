namespace NxtAIGen.Abstractions;

/// <summary>Token counts reported by the provider.</summary>
public sealed record ChatUsage
{
    /// <summary>Gets the prompt tokens, including cached ones.</summary>
    public int? InputTokens { get; init; }

    /// <summary>Gets the generated tokens, including reasoning where the provider counts it so.</summary>
    public int? OutputTokens { get; init; }

    /// <summary>Gets the reasoning tokens, when the provider reports them.</summary>
    public int? ReasoningTokens { get; init; }

    /// <summary>Gets the prompt tokens served from the provider's cache.</summary>
    public int? CachedInputTokens { get; init; }
}
