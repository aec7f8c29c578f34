namespace NxtAIGen.Abstractions;

/// <summary>A provider-neutral reasoning effort level.</summary>
public enum ChatReasoningEffort
{
    /// <summary>As little reasoning as the model allows.</summary>
    Minimal,

    /// <summary>Light reasoning.</summary>
    Low,

    /// <summary>The usual amount of reasoning.</summary>
    Medium,

    /// <summary>Thorough reasoning.</summary>
    High,
}
