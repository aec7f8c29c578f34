namespace NxtAIGen.Providers.Cohere.Internal.Wire;

/// <summary>The function part of a tool-call event.</summary>
internal sealed class CohereFunctionDelta
{
    public string? Name { get; set; }

    public string? Arguments { get; set; }
}
