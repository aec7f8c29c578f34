namespace NxtAIGen.Providers.Cohere.Internal.Wire;

/// <summary>Input and output token counts (numbers; billed units may be fractional).</summary>
internal sealed class CohereTokenCounts
{
    public double? InputTokens { get; set; }

    public double? OutputTokens { get; set; }
}
