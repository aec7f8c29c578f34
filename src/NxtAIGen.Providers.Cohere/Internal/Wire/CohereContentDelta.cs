namespace NxtAIGen.Providers.Cohere.Internal.Wire;

/// <summary>A content block's start or delta: <c>text</c>, or <c>thinking</c> for a reasoning block.</summary>
internal sealed class CohereContentDelta
{
    public string? Type { get; set; }

    public string? Text { get; set; }

    public string? Thinking { get; set; }
}
