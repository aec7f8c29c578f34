namespace NxtAIGen.Providers.Cohere.Internal.Wire;

/// <summary>A tool call's start (id, name) or an arguments fragment.</summary>
internal sealed class CohereToolCallDelta
{
    public string? Id { get; set; }

    public CohereFunctionDelta? Function { get; set; }
}
