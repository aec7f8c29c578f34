namespace NxtAIGen.Providers.Gemini.Internal.Wire;

/// <summary>A candidate's content: its parts.</summary>
internal sealed class GeminiContent
{
    public List<GeminiPart>? Parts { get; set; }

    public string? Role { get; set; }
}
