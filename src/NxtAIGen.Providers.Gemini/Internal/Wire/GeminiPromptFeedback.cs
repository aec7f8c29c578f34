namespace NxtAIGen.Providers.Gemini.Internal.Wire;

/// <summary>Why the prompt was blocked, when it was.</summary>
internal sealed class GeminiPromptFeedback
{
    public string? BlockReason { get; set; }

    public string? BlockReasonMessage { get; set; }
}
