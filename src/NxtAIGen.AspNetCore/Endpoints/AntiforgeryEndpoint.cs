using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using NxtAIGen.AspNetCore.Internal;

namespace NxtAIGen.AspNetCore.Endpoints;

/// <summary><c>GET {prefix}/antiforgery</c>: a token for the <c>X-CSRF-TOKEN</c> header, and its cookie.</summary>
internal static class AntiforgeryEndpoint
{
    public static IResult Get(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Json(new AntiforgeryTokenResponse(tokens.RequestToken!), NxtAIGenJsonContext.Default.AntiforgeryTokenResponse);
    }
}
