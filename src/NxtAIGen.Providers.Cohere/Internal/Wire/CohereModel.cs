namespace NxtAIGen.Providers.Cohere.Internal.Wire;

/// <summary>One entry of <c>GET /v1/models</c>.</summary>
internal sealed class CohereModel
{
    public string? Name { get; set; }

    public double? ContextLength { get; set; }

    public List<string>? Features { get; set; }

    public bool? SupportsVision { get; set; }
}
