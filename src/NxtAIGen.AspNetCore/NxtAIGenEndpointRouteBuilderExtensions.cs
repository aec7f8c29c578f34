using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NxtAIGen.AspNetCore.Endpoints;
using NxtAIGen.AspNetCore.Gateway;
using NxtAIGen.AspNetCore.Security;
using NxtAIGen.AspNetCore.Stores;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps NxtAIGen's HTTP endpoints.</summary>
public static class NxtAIGenEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps PROTOCOL.md's endpoints under <paramref name="prefix"/>: <c>POST chat/stream</c> (Server-Sent Events), with
    /// <c>GET chat/stream/{id}</c> and <c>POST chat/stream/{id}/stop</c> for resumable streams (<c>NxtAIGen:Streaming:Resume</c>),
    /// <c>GET providers</c>, <c>GET providers/{id}/models</c>, <c>GET limits</c>, <c>GET antiforgery</c>, and the key vault:
    /// <c>GET|PUT|DELETE keys[/{provider}]</c> (the signed-in user's own keys) and <c>admin/keys[/{provider}]</c>
    /// (server-wide keys, behind the <c>NxtAIGen:Security:AdminPolicy</c> policy), and the signed-in user's tokens for the
    /// OpenAI-compatible gateway: <c>GET|POST gateway/tokens</c>, <c>DELETE gateway/tokens/{id}</c> (see <c>MapNxtAIGenOpenAI</c>). State-changing requests of
    /// cookie-authenticated users need the antiforgery token in <c>X-CSRF-TOKEN</c>. The streaming endpoint carries the
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
        group.AddEndpointFilter(new StoreFailureEndpointFilter());
        group.AddEndpointFilter<AntiforgeryEndpointFilter>();
        group.MapPost("/chat/stream", ChatStreamEndpoint.HandleAsync)
            .WithName("NxtAIGenChatStream")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(NxtAIGen.AspNetCore.NxtAIGenRateLimitingOptions.PolicyName);
        group.MapGet("/chat/stream/{id}", ResumeEndpoints.ResumeAsync)
            .WithName("NxtAIGenChatStreamResume")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/chat/stream/{id}/stop", ResumeEndpoints.StopAsync)
            .WithName("NxtAIGenChatStreamStop")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/providers", ProvidersEndpoints.ListAsync).WithName("NxtAIGenProviders");
        group.MapGet("/providers/{id}/models", ProvidersEndpoints.ModelsAsync).WithName("NxtAIGenProviderModels");
        group.MapGet("/limits", LimitsEndpoint.HandleAsync).WithName("NxtAIGenLimits");
        MapKeyVault(group);
        group.MapGet("/gateway/tokens", GatewayTokensEndpoints.ListAsync).WithName("NxtAIGenGatewayTokens");
        group.MapPost("/gateway/tokens", GatewayTokensEndpoints.CreateAsync).WithName("NxtAIGenGatewayTokenCreate");
        group.MapDelete("/gateway/tokens/{id}", GatewayTokensEndpoints.DeleteAsync).WithName("NxtAIGenGatewayTokenDelete");
        return group;
    }

    private static void MapKeyVault(RouteGroupBuilder group)
    {
        group.MapGet("/antiforgery", AntiforgeryEndpoint.Get).WithName("NxtAIGenAntiforgery");
        group.MapGet("/keys", ApiKeysEndpoints.ListUserAsync).WithName("NxtAIGenKeys");
        group.MapPut("/keys/{provider}", ApiKeysEndpoints.PutUserAsync).WithName("NxtAIGenKeyPut");
        group.MapDelete("/keys/{provider}", ApiKeysEndpoints.DeleteUserAsync).WithName("NxtAIGenKeyDelete");
        group.MapGet("/admin/keys", ApiKeysEndpoints.ListServerAsync).WithName("NxtAIGenAdminKeys");
        group.MapPut("/admin/keys/{provider}", ApiKeysEndpoints.PutServerAsync).WithName("NxtAIGenAdminKeyPut");
        group.MapDelete("/admin/keys/{provider}", ApiKeysEndpoints.DeleteServerAsync).WithName("NxtAIGenAdminKeyDelete");
    }
}
