namespace NxtAIGen.Abstractions;

/// <summary>
/// A piece of a message's content: <see cref="TextPart"/>, <see cref="ImagePart"/>, <see cref="DocumentPart"/>,
/// <see cref="ReasoningPart"/>, <see cref="ToolCallPart"/> or <see cref="ToolResultPart"/>.
/// </summary>
public abstract class ChatPart
{
    private protected ChatPart()
    {
    }
}
