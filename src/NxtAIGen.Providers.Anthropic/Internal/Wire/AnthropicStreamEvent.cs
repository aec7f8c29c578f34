using System.Text.Json;

namespace NxtAIGen.Providers.Anthropic.Internal.Wire;

/// <summary>
/// One streamed event of the Messages API (<c>message_start</c>, <c>content_block_start</c>, <c>content_block_delta</c>,
/// <c>content_block_stop</c>, <c>message_delta</c>, <c>message_stop</c>, <c>ping</c>, <c>error</c>): the members of
/// every kind in one class. Unknown members are ignored.
/// </summary>
internal sealed class AnthropicStreamEvent
{
    public string? Type { get; set; }

    /// <summary>Gets or sets the message of <c>message_start</c>.</summary>
    public AnthropicMessage? Message { get; set; }

    /// <summary>Gets or sets the content block index of the <c>content_block_*</c> events.</summary>
    public int? Index { get; set; }

    /// <summary>Gets or sets the block of <c>content_block_start</c>.</summary>
    public AnthropicContentBlock? ContentBlock { get; set; }

    /// <summary>Gets or sets the delta of <c>content_block_delta</c> (text, thinking, signature, JSON) or of <c>message_delta</c> (stop reason).</summary>
    public AnthropicDelta? Delta { get; set; }

    /// <summary>Gets or sets the cumulative usage of <c>message_delta</c>.</summary>
    public AnthropicUsage? Usage { get; set; }

    /// <summary>Gets or sets the error of an <c>error</c> event: <c>{"type": "overloaded_error", "message": "..."}</c>.</summary>
    public JsonElement? Error { get; set; }
}
