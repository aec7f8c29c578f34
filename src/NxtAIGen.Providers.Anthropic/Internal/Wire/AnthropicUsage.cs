namespace NxtAIGen.Providers.Anthropic.Internal.Wire;

/// <summary>Token counts. <c>input_tokens</c> excludes the prompt tokens written to or read from the cache.</summary>
internal sealed class AnthropicUsage
{
    public int? InputTokens { get; set; }

    public int? OutputTokens { get; set; }

    public int? CacheCreationInputTokens { get; set; }

    public int? CacheReadInputTokens { get; set; }
}
