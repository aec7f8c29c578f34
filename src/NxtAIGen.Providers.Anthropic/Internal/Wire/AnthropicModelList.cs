namespace NxtAIGen.Providers.Anthropic.Internal.Wire;

/// <summary>One page of <c>GET /v1/models</c>: <c>{"data":[...],"has_more":true,"last_id":"..."}</c>.</summary>
internal sealed class AnthropicModelList
{
    public List<AnthropicModel>? Data { get; set; }

    public bool HasMore { get; set; }

    public string? LastId { get; set; }
}
