namespace NxtAIGen.Providers.OpenAI.Internal.Wire;

/// <summary>Token counts.</summary>
internal sealed class OpenAIUsage
{
    public int? PromptTokens { get; set; }

    public int? CompletionTokens { get; set; }

    public OpenAITokenDetails? CompletionTokensDetails { get; set; }

    public OpenAITokenDetails? PromptTokensDetails { get; set; }

    /// <summary>Gets or sets DeepSeek's cache hits.</summary>
    public int? PromptCacheHitTokens { get; set; }
}
