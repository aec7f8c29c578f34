using Microsoft.AspNetCore.Http;
using NxtAIGen.AspNetCore.Security;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Puts NxtAIGen's CSRF check on a host's own endpoints.</summary>
public static class NxtAIGenAntiforgeryEndpointExtensions
{
    /// <summary>
    /// Applies the check <c>MapNxtAIGen</c> puts on its own endpoints: a state-changing request (not GET, HEAD, OPTIONS or
    /// TRACE) of a signed-in caller without an <c>Authorization</c> header (so authenticated by a cookie) must carry the
    /// antiforgery token from <c>GET {prefix}/antiforgery</c> in <c>X-CSRF-TOKEN</c>, or it is refused with 403
    /// <c>forbidden</c> (<c>application/problem+json</c>). Guests and bearer-token callers need none. Works on minimal-API
    /// route handlers and route groups (<c>app.MapGroup("/api").WithNxtAIGenAntiforgery()</c>).
    /// </summary>
    /// <typeparam name="TBuilder">The builder type.</typeparam>
    /// <param name="builder">A route handler or group.</param>
    /// <returns>The builder.</returns>
    public static TBuilder WithNxtAIGenAntiforgery<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddEndpointFilter<TBuilder, AntiforgeryEndpointFilter>();
    }
}
