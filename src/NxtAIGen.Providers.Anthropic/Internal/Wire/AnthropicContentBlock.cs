using System.Text.Json;

namespace NxtAIGen.Providers.Anthropic.Internal.Wire;

/// <summary>The block that <c>content_block_start</c> opens: <c>text</c>, <c>thinking</c>, <c>redacted_thinking</c>, <c>tool_use</c>, or a kind this provider skips.</summary>
internal sealed class AnthropicContentBlock
{
    public string? Type { get; set; }

    public string? Text { get; set; }

    public string? Thinking { get; set; }

    public string? Signature { get; set; }

    /// <summary>Gets or sets the encrypted reasoning of a <c>redacted_thinking</c> block.</summary>
    public string? Data { get; set; }

    public string? Id { get; set; }

    public string? Name { get; set; }

    /// <summary>Gets or sets a <c>tool_use</c> block's input: <c>{}</c> when it streams as <c>input_json_delta</c>s.</summary>
    public JsonElement? Input { get; set; }
}
