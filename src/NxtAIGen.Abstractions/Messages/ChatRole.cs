namespace NxtAIGen.Abstractions;

/// <summary>Who wrote a message.</summary>
public enum ChatRole
{
    /// <summary>Instructions for the model.</summary>
    System,

    /// <summary>The person (or program) asking.</summary>
    User,

    /// <summary>The model's earlier answers, including its reasoning and tool calls.</summary>
    Assistant,

    /// <summary>Results of tool calls, sent back to the model.</summary>
    Tool,
}
