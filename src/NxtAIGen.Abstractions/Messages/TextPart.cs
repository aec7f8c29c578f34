namespace NxtAIGen.Abstractions;

/// <summary>Plain text.</summary>
public sealed class TextPart : ChatPart
{
    /// <summary>Creates a text part.</summary>
    /// <param name="text">The text.</param>
    public TextPart(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
    }

    /// <summary>Gets the text.</summary>
    public string Text { get; }
}
