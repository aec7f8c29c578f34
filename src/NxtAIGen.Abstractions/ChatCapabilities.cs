namespace NxtAIGen.Abstractions;

/// <summary>What a provider accepts beyond plain text.</summary>
[Flags]
public enum ChatCapabilities
{
    /// <summary>Text only.</summary>
    None = 0,

    /// <summary>Images in user messages.</summary>
    Vision = 1,

    /// <summary>Documents (such as PDF) sent natively rather than as extracted text.</summary>
    Documents = 2,

    /// <summary>Reasoning options and reasoning output.</summary>
    Reasoning = 4,

    /// <summary>Tool (function) calling.</summary>
    Tools = 8,
}
