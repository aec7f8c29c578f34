namespace NxtAIGen.Abstractions;

/// <summary>How the model may use the request's tools.</summary>
public sealed record ChatToolChoice
{
    private ChatToolChoice(ChatToolChoiceMode mode, string? functionName)
    {
        Mode = mode;
        FunctionName = functionName;
    }

    /// <summary>Gets the mode.</summary>
    public ChatToolChoiceMode Mode { get; }

    /// <summary>Gets the function the model must call when <see cref="Mode"/> is <see cref="ChatToolChoiceMode.Function"/>.</summary>
    public string? FunctionName { get; }

    /// <summary>Gets the choice that lets the model decide.</summary>
    public static ChatToolChoice Auto { get; } = new(ChatToolChoiceMode.Auto, null);

    /// <summary>Gets the choice that forbids tool calls.</summary>
    public static ChatToolChoice None { get; } = new(ChatToolChoiceMode.None, null);

    /// <summary>Gets the choice that requires at least one tool call.</summary>
    public static ChatToolChoice Required { get; } = new(ChatToolChoiceMode.Required, null);

    /// <summary>Requires a call to one named function.</summary>
    /// <param name="name">The function name.</param>
    /// <returns>The choice.</returns>
    public static ChatToolChoice Function(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new(ChatToolChoiceMode.Function, name);
    }
}
