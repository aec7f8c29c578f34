namespace NxtAIGen.Abstractions;

/// <summary>The kinds of <see cref="ChatToolChoice"/>.</summary>
public enum ChatToolChoiceMode
{
    /// <summary>The model decides.</summary>
    Auto,

    /// <summary>No tool calls.</summary>
    None,

    /// <summary>At least one tool call.</summary>
    Required,

    /// <summary>A call to one named function.</summary>
    Function,
}
