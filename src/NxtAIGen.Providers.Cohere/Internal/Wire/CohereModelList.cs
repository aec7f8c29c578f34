namespace NxtAIGen.Providers.Cohere.Internal.Wire;

/// <summary>The <c>GET /v1/models</c> answer: one page of models.</summary>
internal sealed class CohereModelList
{
    public List<CohereModel>? Models { get; set; }

    public string? NextPageToken { get; set; }
}
