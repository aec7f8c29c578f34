namespace NxtAIGen.Providers.Cohere.Internal.Wire;

/// <summary>The <c>delta</c> of a stream event.</summary>
internal sealed class CohereDelta
{
    public CohereDeltaMessage? Message { get; set; }

    /// <summary>Gets or sets the finish reason (<c>message-end</c>): COMPLETE, STOP_SEQUENCE, MAX_TOKENS, TOOL_CALL, ERROR, TIMEOUT.</summary>
    public string? FinishReason { get; set; }

    /// <summary>Gets or sets the failure of a <c>message-end</c> with finish reason ERROR.</summary>
    public string? Error { get; set; }

    public CohereUsage? Usage { get; set; }
}
