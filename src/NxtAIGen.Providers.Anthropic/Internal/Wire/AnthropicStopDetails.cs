namespace NxtAIGen.Providers.Anthropic.Internal.Wire;

/// <summary>Why the model stopped, beyond the stop reason: for a refusal, its category and explanation.</summary>
internal sealed class AnthropicStopDetails
{
    public string? Type { get; set; }

    public string? Category { get; set; }

    public string? Explanation { get; set; }
}
