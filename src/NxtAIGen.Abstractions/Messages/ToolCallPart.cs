namespace NxtAIGen.Abstractions;

/// <summary>A tool call the model made in an earlier assistant turn.</summary>
public sealed class ToolCallPart : ChatPart
{
    /// <summary>Creates a tool call part.</summary>
    /// <param name="call">The call, as the provider streamed it.</param>
    public ToolCallPart(ChatToolCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        Call = call;
    }

    /// <summary>Gets the call.</summary>
    public ChatToolCall Call { get; }
}
