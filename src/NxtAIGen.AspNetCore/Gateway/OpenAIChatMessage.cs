using System.Text.Json;

namespace NxtAIGen.AspNetCore.Gateway;

/// <summary>One message of a Chat Completions request.</summary>
internal sealed class OpenAIChatMessage
{
    /// <summary><c>system</c>, <c>developer</c>, <c>user</c>, <c>assistant</c> or <c>tool</c>.</summary>
    public string? Role { get; set; }

    /// <summary>A string, an array of content parts, or null (an assistant message with tool calls).</summary>
    public JsonElement? Content { get; set; }

    public List<OpenAIToolCallBody>? ToolCalls { get; set; }

    public string? ToolCallId { get; set; }
}
