namespace NxtAIGen.Providers.OpenAI.Internal;

/// <summary>How a preset takes <see cref="NxtAIGen.Abstractions.ChatReasoningOptions"/>.</summary>
internal enum OpenAIReasoningStyle
{
    /// <summary>Not sent: the model decides (reasoning is chosen by model id).</summary>
    None,

    /// <summary>Top-level <c>reasoning_effort</c>.</summary>
    Effort,

    /// <summary>OpenRouter's <c>reasoning: {effort | max_tokens, exclude}</c> object.</summary>
    OpenRouter,
}
