using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NxtAIGen.AspNetCore.Tests;

/// <summary>
/// Signs a user in from the request: <c>Authorization: Bearer alice</c> (a bearer token) or the cookie
/// <c>test-user=alice</c> (like a browser's session cookie). A <c>+admin</c> suffix (<c>boss+admin</c>) adds the admin role.
/// The plan claim comes from <c>X-Test-Plan</c>. No header and no cookie: a guest.
/// </summary>
public sealed class TestAuthHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string CookieName = "test-user";
    public const string AdminPolicy = "NxtAIGenAdmin";
    public const string PlanHeader = "X-Test-Plan";

    public static void AddTo(IServiceCollection services)
    {
        services.AddAuthentication(SchemeName).AddScheme<AuthenticationSchemeOptions, TestAuthHandler>(SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(AdminPolicy, p => p.RequireAuthenticatedUser().RequireRole("admin"));
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? who = null;
        var authorization = Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            who = authorization["Bearer ".Length..].Trim();
        }
        else if (Request.Cookies.TryGetValue(CookieName, out var cookie))
        {
            who = cookie;
        }

        if (string.IsNullOrEmpty(who))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var parts = who.Split('+');
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, parts[0]), new(ClaimTypes.Name, parts[0]) };
        claims.AddRange(parts.Skip(1).Select(role => new Claim(ClaimTypes.Role, role)));
        if (Request.Headers.TryGetValue(PlanHeader, out var plan) && !string.IsNullOrEmpty(plan))
        {
            claims.Add(new Claim("nxtaigen:plan", plan.ToString()));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
