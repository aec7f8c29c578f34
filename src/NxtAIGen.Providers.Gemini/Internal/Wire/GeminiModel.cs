namespace NxtAIGen.Providers.Gemini.Internal.Wire;

/// <summary>One model: <c>name</c> is <c>models/&lt;id&gt;</c>.</summary>
internal sealed class GeminiModel
{
    public string? Name { get; set; }

    public string? DisplayName { get; set; }

    public int? InputTokenLimit { get; set; }

    public List<string>? SupportedGenerationMethods { get; set; }
}
