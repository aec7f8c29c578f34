using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NxtAIGen.AspNetCore.Gateway;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps NxtAIGen's OpenAI-compatible gateway.</summary>
public static class NxtAIGenGatewayEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps an OpenAI-compatible API under <paramref name="prefix"/>: <c>POST chat/completions</c> (streamed or not, models
    /// named <c>provider/model</c>) and <c>GET models</c>, so OpenAI's SDKs and tools can use every configured provider.
    /// Callers authenticate with <c>Authorization: Bearer</c>: a key from <c>NxtAIGen:Gateway:Keys</c> or a user's gateway
    /// token (created at <c>{prefix}/gateway/tokens</c> of <c>MapNxtAIGen</c>). Quotas, plans, rate limits and key
    /// precedence are those of <c>chat/stream</c>. Errors use OpenAI's <c>{"error": {...}}</c> shape.
    /// </summary>
    /// <param name="endpoints">The app or a route group.</param>
    /// <param name="prefix">The path prefix. Default <c>/v1</c>, where OpenAI clients expect it.</param>
    /// <returns>The route group, for the host's CORS or other conventions.</returns>
    public static RouteGroupBuilder MapNxtAIGenOpenAI(this IEndpointRouteBuilder endpoints, string prefix = "/v1")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup(prefix);
        group.MapPost("/chat/completions", ChatCompletionsEndpoint.HandleAsync)
            .WithName("NxtAIGenOpenAIChatCompletions")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        group.MapGet("/models", GatewayModelsEndpoint.HandleAsync).WithName("NxtAIGenOpenAIModels");
        return group;
    }
}
