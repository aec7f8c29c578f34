namespace NxtAIGen.Abstractions;

/// <summary>
/// The model's earlier reasoning, kept in an assistant message so that providers which require it
/// (Anthropic thinking blocks, Gemini thought signatures) get it back on later turns.
/// </summary>
public sealed class ReasoningPart : ChatPart
{
    /// <summary>Creates a reasoning part.</summary>
    /// <param name="text">The reasoning text (empty for redacted reasoning).</param>
    /// <param name="signature">The provider's opaque signature for the reasoning, if any.</param>
    /// <param name="redactedData">The provider's encrypted reasoning, when it was redacted.</param>
    public ReasoningPart(string text, string? signature = null, string? redactedData = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        Signature = signature;
        RedactedData = redactedData;
    }

    /// <summary>Gets the reasoning text.</summary>
    public string Text { get; }

    /// <summary>Gets the provider's signature for this reasoning.</summary>
    public string? Signature { get; }

    /// <summary>Gets encrypted reasoning that the provider did not show.</summary>
    public string? RedactedData { get; }
}
