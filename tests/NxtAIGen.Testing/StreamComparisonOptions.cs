namespace NxtAIGen.Testing;

/// <summary>Which parts of a fixture's expected result to compare, and the wire format's rule for a cut-off body.</summary>
public sealed class StreamComparisonOptions
{
    /// <summary>
    /// Gets the rule for OpenAI-style SSE: a body with no error, no finish reason and no <c>[DONE]</c> was cut off,
    /// so the provider must throw <c>Incomplete</c>.
    /// </summary>
    public static StreamComparisonOptions OpenAIStyle { get; } = new()
    {
        ExpectIncomplete = e => e.Error is null && e.FinishReason is null && e.SawDone != true,
    };

    /// <summary>Gets when the stream must end with a <see cref="NxtAIGen.Abstractions.ProviderErrorKind.Incomplete"/> error. Default: never.</summary>
    public Func<ExpectedStreamResult, bool> ExpectIncomplete { get; init; } = static _ => false;

    /// <summary>
    /// Gets, for formats without an end marker, whether a body cut at an event boundary legitimately looks complete:
    /// for Gemini, the cut body already states a <c>finishReason</c>, which older Vertex streams repeat on every event.
    /// Such a cut may end normally, with exactly one finish chunk and text and reasoning that are prefixes of the whole
    /// body's. Default <see langword="null"/>: every cut that loses content must end in an error.
    /// </summary>
    public Func<byte[], bool>? CutLooksComplete { get; init; }

    /// <summary>Gets whether tool-call ids are compared (when the fixture gives one). Default <see langword="true"/>.</summary>
    public bool CompareToolCallIds { get; init; } = true;

    /// <summary>Gets whether <c>extras.refusal</c> is compared with the refusal chunks. Default <see langword="true"/>.</summary>
    public bool CompareRefusal { get; init; } = true;

    /// <summary>Gets whether <c>extras.citations</c> is compared with the metadata chunks' citations. Default <see langword="true"/>.</summary>
    public bool CompareCitations { get; init; } = true;

    /// <summary>Gets whether the reasoning-token count is compared. Default <see langword="true"/>.</summary>
    public bool CompareReasoningTokens { get; init; } = true;
}
