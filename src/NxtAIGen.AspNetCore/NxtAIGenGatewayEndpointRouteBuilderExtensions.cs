using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NxtAIGen.AspNetCore.Gateway;
using NxtAIGen.AspNetCore.Stores;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps NxtAIGen's OpenAI-compatible gateway.</summary>
public static class NxtAIGenGatewayEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps an OpenAI-compatible API under <paramref name="prefix"/>: <c>POST chat/completions</c> (streamed or not, models
    /// named <c>provider/model</c>), <c>GET models</c> and <c>GET models/{provider/model}</c> (other paths get OpenAI's 404 body), so OpenAI's SDKs and tools can use every configured provider.
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
        group.AddEndpointFilter(new StoreFailureEndpointFilter(openAI: true));
        group.MapPost("/chat/completions", ChatCompletionsEndpoint.HandleAsync)
            .WithName("NxtAIGenOpenAIChatCompletions")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        group.MapGet("/models", GatewayModelsEndpoint.HandleAsync).WithName("NxtAIGenOpenAIModels");
        group.MapGet("/models/{**id}", GatewayModelsEndpoint.RetrieveAsync).WithName("NxtAIGenOpenAIModel");

        // Anything else under the prefix (embeddings, the Responses API, ...) gets OpenAI's 404 body, not an empty page.
        group.Map("/{**path}", static (HttpContext context) => new OpenAIError(
            StatusCodes.Status404NotFound,
            $"Invalid URL ({context.Request.Method} {context.Request.Path}): this gateway offers POST chat/completions and GET models only (with the Vercel AI SDK, use provider.chat(...)).",
            "invalid_request_error"))
            .WithName("NxtAIGenOpenAINotFound");
        return group;
    }
}
