namespace NxtAIGen.Providers.OpenAI.Internal.Wire;

/// <summary>The <c>completion_tokens_details</c> / <c>prompt_tokens_details</c> objects.</summary>
internal sealed class OpenAITokenDetails
{
    public int? ReasoningTokens { get; set; }

    public int? CachedTokens { get; set; }
}
