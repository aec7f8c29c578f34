using NxtAIGen.AspNetCore.Security;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Adds NxtAIGen's security headers to a host's pipeline.</summary>
public static class NxtAIGenSecurityHeadersExtensions
{
    /// <summary>
    /// Adds <c>X-Content-Type-Options: nosniff</c>, <c>X-Frame-Options: DENY</c>, <c>Content-Security-Policy: frame-ancestors 'none'</c>
    /// (only when the response has no Content-Security-Policy) and <c>Referrer-Policy</c> (<c>NxtAIGen:Security:ReferrerPolicy</c>,
    /// default <c>no-referrer</c>) to every response. A header the host or a handler set is never replaced. Call it early,
    /// before static files and endpoints.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <returns>The application.</returns>
    public static IApplicationBuilder UseNxtAIGenSecurityHeaders(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseMiddleware<SecurityHeadersMiddleware>();
    }
}
