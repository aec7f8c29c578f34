namespace NxtAIGen.Providers.Cohere.Internal.Wire;

/// <summary>The usage of <c>message-end</c>: the tokens the model saw and produced, and the billed units.</summary>
internal sealed class CohereUsage
{
    public CohereTokenCounts? Tokens { get; set; }

    public CohereTokenCounts? BilledUnits { get; set; }

    public double? CachedTokens { get; set; }
}
