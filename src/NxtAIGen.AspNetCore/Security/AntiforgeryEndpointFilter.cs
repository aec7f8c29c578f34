using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NxtAIGen.AspNetCore.Endpoints;

namespace NxtAIGen.AspNetCore.Security;

/// <summary>
/// CSRF protection for NxtAIGen's endpoints: a state-changing request (not GET, HEAD, OPTIONS or TRACE) from a
/// signed-in caller without an <c>Authorization</c> header (so authenticated by a cookie the browser adds on its own)
/// must carry a valid antiforgery token in <c>X-CSRF-TOKEN</c>, or it is refused with 403 <c>forbidden</c>.
/// Guests and bearer-token callers need none.
/// </summary>
internal sealed partial class AntiforgeryEndpointFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (RequiresToken(http))
        {
            var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
            try
            {
                await antiforgery.ValidateRequestAsync(http).ConfigureAwait(false);
            }
            catch (AntiforgeryValidationException)
            {
                LogRefused(http.RequestServices.GetRequiredService<ILogger<AntiforgeryEndpointFilter>>(), http.Request.Method, http.Request.Path);
                return new ApiProblem(StatusCodes.Status403Forbidden, "forbidden", "The antiforgery token is missing or invalid: get one from GET {prefix}/antiforgery and send it in the X-CSRF-TOKEN header.");
            }
        }

        return await next(context).ConfigureAwait(false);
    }

    /// <summary>Whether the request must carry an antiforgery token.</summary>
    public static bool RequiresToken(HttpContext context)
    {
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method))
        {
            return false;
        }

        if (context.User.Identity?.IsAuthenticated != true || context.Request.Headers.Authorization.Count > 0)
        {
            return false;
        }

        return context.RequestServices.GetRequiredService<IOptionsMonitor<NxtAIGenSecurityOptions>>().CurrentValue.RequireAntiforgery;
    }

    [LoggerMessage(120, LogLevel.Warning, "Refused {Method} {Path}: a cookie-authenticated request without a valid antiforgery token.")]
    private static partial void LogRefused(ILogger logger, string method, PathString path);
}
