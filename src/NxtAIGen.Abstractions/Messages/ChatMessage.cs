namespace NxtAIGen.Abstractions;

/// <summary>One turn of a conversation: a role and its content parts.</summary>
public sealed class ChatMessage
{
    /// <summary>Creates a message from parts.</summary>
    /// <param name="role">Who wrote it.</param>
    /// <param name="parts">Its content, in order.</param>
    public ChatMessage(ChatRole role, IList<ChatPart> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        Role = role;
        Parts = parts;
    }

    /// <summary>Creates a text message.</summary>
    /// <param name="role">Who wrote it.</param>
    /// <param name="text">Its text.</param>
    public ChatMessage(ChatRole role, string text)
        : this(role, [new TextPart(text)])
    {
    }

    /// <summary>Gets who wrote the message.</summary>
    public ChatRole Role { get; }

    /// <summary>Gets the content parts, in order.</summary>
    public IList<ChatPart> Parts { get; }

    /// <summary>Gets the concatenated text of the message's <see cref="TextPart"/>s.</summary>
    public string Text => Parts.Count switch
    {
        0 => string.Empty,
        1 => (Parts[0] as TextPart)?.Text ?? string.Empty,
        _ => string.Concat(Parts.OfType<TextPart>().Select(p => p.Text)),
    };

    /// <summary>Creates a system message.</summary>
    /// <param name="text">The instructions.</param>
    /// <returns>The message.</returns>
    public static ChatMessage System(string text) => new(ChatRole.System, text);

    /// <summary>Creates a user message.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The message.</returns>
    public static ChatMessage User(string text) => new(ChatRole.User, text);

    /// <summary>Creates an assistant message.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The message.</returns>
    public static ChatMessage Assistant(string text) => new(ChatRole.Assistant, text);
}
