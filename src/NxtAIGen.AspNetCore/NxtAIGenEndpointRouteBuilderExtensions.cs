using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NxtAIGen.AspNetCore.Endpoints;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps NxtAIGen's HTTP endpoints.</summary>
public static class NxtAIGenEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps PROTOCOL.md's endpoints under <paramref name="prefix"/>: <c>POST chat/stream</c> (Server-Sent Events),
    /// <c>GET providers</c>, <c>GET providers/{id}/models</c> and <c>GET limits</c>. The streaming endpoint carries the
    /// rate-limiter policy <see cref="NxtAIGen.AspNetCore.NxtAIGenRateLimitingOptions.PolicyName"/>: call
    /// <c>app.UseRateLimiter()</c> (after <c>UseAuthentication()</c>) for it to apply.
    /// </summary>
    /// <param name="endpoints">The app or a route group.</param>
    /// <param name="prefix">The path prefix, for example <c>/api</c>.</param>
    /// <returns>The route group, to add the host's authorization, CORS or rate-limit policies to.</returns>
    public static RouteGroupBuilder MapNxtAIGen(this IEndpointRouteBuilder endpoints, string prefix = "/api")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup(prefix);
        group.MapPost("/chat/stream", ChatStreamEndpoint.HandleAsync)
            .WithName("NxtAIGenChatStream")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(NxtAIGen.AspNetCore.NxtAIGenRateLimitingOptions.PolicyName);
        group.MapGet("/providers", ProvidersEndpoints.List).WithName("NxtAIGenProviders");
        group.MapGet("/providers/{id}/models", ProvidersEndpoints.ModelsAsync).WithName("NxtAIGenProviderModels");
        group.MapGet("/limits", LimitsEndpoint.HandleAsync).WithName("NxtAIGenLimits");
        return group;
    }
}
