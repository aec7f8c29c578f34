namespace NxtAIGen.Abstractions;

/// <summary>The result of a tool call, sent back to the model in a <see cref="ChatRole.Tool"/> message.</summary>
public sealed class ToolResultPart : ChatPart
{
    /// <summary>Creates a tool result part.</summary>
    /// <param name="toolCallId">The id of the call this answers.</param>
    /// <param name="content">The result, usually JSON or text.</param>
    /// <param name="name">The function name (some providers need it).</param>
    /// <param name="isError">Whether the tool failed.</param>
    public ToolResultPart(string toolCallId, string content, string? name = null, bool isError = false)
    {
        ArgumentNullException.ThrowIfNull(toolCallId);
        ArgumentNullException.ThrowIfNull(content);
        ToolCallId = toolCallId;
        Content = content;
        Name = name;
        IsError = isError;
    }

    /// <summary>Gets the id of the call this answers.</summary>
    public string ToolCallId { get; }

    /// <summary>Gets the result.</summary>
    public string Content { get; }

    /// <summary>Gets the function name.</summary>
    public string? Name { get; }

    /// <summary>Gets whether the tool failed.</summary>
    public bool IsError { get; }
}
