using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace NxtAIGen.AspNetCore.Security;

/// <summary>
/// Adds <c>X-Content-Type-Options: nosniff</c>, <c>X-Frame-Options: DENY</c>, <c>Content-Security-Policy: frame-ancestors 'none'</c>
/// and <c>Referrer-Policy</c> to every response, leaving any of them the host (or its handlers) set alone.
/// </summary>
internal sealed class SecurityHeadersMiddleware
{
    private readonly RequestDelegate _next;
    private readonly string _referrerPolicy;

    public SecurityHeadersMiddleware(RequestDelegate next, IOptions<NxtAIGenSecurityOptions> options)
    {
        _next = next;
        _referrerPolicy = options.Value.ReferrerPolicy;
    }

    public Task InvokeAsync(HttpContext context)
    {
        // Before the handler, so that components which add a header only when it is absent (antiforgery's
        // X-Frame-Options: SAMEORIGIN) keep ours; again when the response starts, in case the headers were cleared.
        Apply(context.Response.Headers);
        context.Response.OnStarting(static state =>
        {
            var (headers, referrerPolicy) = ((IHeaderDictionary, string))state;
            Apply(headers, referrerPolicy);
            return Task.CompletedTask;
        }, (context.Response.Headers, _referrerPolicy));
        return _next(context);
    }

    private void Apply(IHeaderDictionary headers) => Apply(headers, _referrerPolicy);

    private static void Apply(IHeaderDictionary headers, string referrerPolicy)
    {
        headers.TryAdd("X-Content-Type-Options", "nosniff");
        headers.TryAdd("X-Frame-Options", "DENY");
        headers.TryAdd("Content-Security-Policy", "frame-ancestors 'none'");
        headers.TryAdd("Referrer-Policy", referrerPolicy);
    }
}
