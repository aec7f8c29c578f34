namespace NxtAIGen.Providers.Anthropic.Internal.Wire;

/// <summary>
/// A <c>content_block_delta</c>'s delta (<c>text_delta</c>, <c>thinking_delta</c>, <c>signature_delta</c>,
/// <c>input_json_delta</c>) or a <c>message_delta</c>'s delta (stop reason and details).
/// </summary>
internal sealed class AnthropicDelta
{
    public string? Type { get; set; }

    public string? Text { get; set; }

    public string? Thinking { get; set; }

    public string? Signature { get; set; }

    public string? PartialJson { get; set; }

    public string? StopReason { get; set; }

    public AnthropicStopDetails? StopDetails { get; set; }
}
