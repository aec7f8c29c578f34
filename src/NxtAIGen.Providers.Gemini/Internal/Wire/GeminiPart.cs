namespace NxtAIGen.Providers.Gemini.Internal.Wire;

/// <summary>One part of a streamed content: text (a thought when <see cref="Thought"/>) or a function call, with an optional signature.</summary>
internal sealed class GeminiPart
{
    public string? Text { get; set; }

    public bool? Thought { get; set; }

    public string? ThoughtSignature { get; set; }

    public GeminiFunctionCall? FunctionCall { get; set; }
}
