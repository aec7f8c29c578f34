namespace NxtAIGen.AspNetCore.Gateway;

/// <summary>The body of <c>POST {prefix}/gateway/tokens</c>: <c>{"name": "..."}</c>.</summary>
internal sealed class GatewayTokenCreateBody
{
    public string? Name { get; set; }
}
