namespace NxtAIGen.Providers.Cohere.Internal.Wire;

/// <summary>A citation of a span of the answer (<c>citation-start</c>).</summary>
internal sealed class CohereCitation
{
    public string? Text { get; set; }

    public List<CohereCitationSource>? Sources { get; set; }
}
