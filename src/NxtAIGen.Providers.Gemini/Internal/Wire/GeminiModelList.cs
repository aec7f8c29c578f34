namespace NxtAIGen.Providers.Gemini.Internal.Wire;

/// <summary>One page of <c>GET /v1beta/models</c>.</summary>
internal sealed class GeminiModelList
{
    public List<GeminiModel>? Models { get; set; }

    public string? NextPageToken { get; set; }
}
