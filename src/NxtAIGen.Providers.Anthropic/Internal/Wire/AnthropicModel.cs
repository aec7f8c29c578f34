namespace NxtAIGen.Providers.Anthropic.Internal.Wire;

/// <summary>One entry of <c>GET /v1/models</c>.</summary>
internal sealed class AnthropicModel
{
    public string? Id { get; set; }

    public string? DisplayName { get; set; }
}
