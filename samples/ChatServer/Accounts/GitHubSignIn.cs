using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Json;
using ChatServer.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.AspNetCore.Identity;
using NxtAIGen.AspNetCore;

namespace ChatServer.Accounts;

/// <summary>
/// Sign in with GitHub through ASP.NET Core's built-in OAuth handler, enabled when
/// <c>Authentication:GitHub:ClientId</c> and <c>ClientSecret</c> are set. <c>AuthorizationEndpoint</c>,
/// <c>TokenEndpoint</c> and <c>UserInformationEndpoint</c> under the same section override GitHub's (tests point them at
/// a local fake). The access token is stored, encrypted, as the user's own key of the <c>github</c> provider.
/// </summary>
internal static class GitHubSignIn
{
    public const string Scheme = "GitHub";
    public const string StartPath = "/api/auth/external/github";
    public const string HandlerPath = "/api/auth/external/github/signin";
    public const string CompletePath = "/api/auth/external/github/complete";
    public const string LoginClaim = "urn:github:login";
    private const string Section = "Authentication:GitHub";

    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[Section + ":ClientId"]) && !string.IsNullOrWhiteSpace(configuration[Section + ":ClientSecret"]);

    public static AuthenticationBuilder AddGitHub(this AuthenticationBuilder authentication, IConfiguration configuration)
    {
        if (!IsConfigured(configuration))
        {
            return authentication;
        }

        return authentication.AddOAuth(Scheme, "GitHub", o =>
        {
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.ClientId = configuration[Section + ":ClientId"]!;
            o.ClientSecret = configuration[Section + ":ClientSecret"]!;
            o.CallbackPath = HandlerPath;
            o.AuthorizationEndpoint = configuration[Section + ":AuthorizationEndpoint"] ?? "https://github.com/login/oauth/authorize";
            o.TokenEndpoint = configuration[Section + ":TokenEndpoint"] ?? "https://github.com/login/oauth/access_token";
            o.UserInformationEndpoint = configuration[Section + ":UserInformationEndpoint"] ?? "https://api.github.com/user";
            o.Scope.Add("read:user");
            o.Scope.Add("user:email");
            o.UsePkce = true;
            o.SaveTokens = true;
            o.ClaimActions.MapJsonKey(ClaimTypes.NameIdentifier, "id");
            o.ClaimActions.MapJsonKey(ClaimTypes.Name, "login");
            o.ClaimActions.MapJsonKey(LoginClaim, "login");
            o.ClaimActions.MapJsonKey(ClaimTypes.Email, "email");
            o.Events.OnCreatingTicket = async context =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, context.Options.UserInformationEndpoint);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", context.AccessToken);
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.github+json"));
                request.Headers.UserAgent.Add(new ProductInfoHeaderValue("NxtAIGen-ChatServer", "1.0"));
                using var response = await context.Backchannel.SendAsync(request, context.HttpContext.RequestAborted);
                response.EnsureSuccessStatusCode();
                using var user = JsonDocument.Parse(await response.Content.ReadAsStringAsync(context.HttpContext.RequestAborted));
                context.RunClaimActions(user.RootElement);
            };
            o.Events.OnRemoteFailure = context =>
            {
                context.Response.Redirect("/?login_error=github_refused");
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
    }

    public static void Map(RouteGroupBuilder auth)
    {
        auth.MapGet("/external/github", Start);
        auth.MapGet("/external/github/complete", CompleteAsync);
    }

    private static IResult Start(HttpContext context, IConfiguration configuration, SignInManager<ChatUser> signIn, string? return_url)
    {
        if (!IsConfigured(configuration))
        {
            return Http.Problems.NotFound("Sign in with GitHub is not configured on this server.");
        }

        var properties = signIn.ConfigureExternalAuthenticationProperties(Scheme, $"{CompletePath}?return_url={Uri.EscapeDataString(LocalUrl(return_url))}");
        return TypedResults.Challenge(properties, [Scheme]);
    }

    /// <summary>
    /// After GitHub: signs in the account linked to this GitHub user, or links it to the signed-in account, or creates an
    /// account (with the GitHub e-mail unless another account already uses it: accounts are never merged by e-mail; then
    /// GitHub's no-reply address <c>{id}+{login}@users.noreply.github.com</c>).
    /// </summary>
    private static async Task<IResult> CompleteAsync(
        HttpContext context,
        SignInManager<ChatUser> signIn,
        UserManager<ChatUser> users,
        IApiKeyStore keys,
        ApiKeyProtector protector,
        string? return_url)
    {
        var returnUrl = LocalUrl(return_url);
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null)
        {
            return TypedResults.Redirect("/?login_error=github_expired");
        }

        var login = info.Principal.FindFirstValue(LoginClaim);
        var user = await users.FindByLoginAsync(info.LoginProvider, info.ProviderKey);
        if (user is null)
        {
            var currentId = Http.Problems.UserId(context.User);
            user = currentId is null ? null : await users.FindByIdAsync(currentId);
            if (user is null)
            {
                // Accounts are unique by e-mail: without a public GitHub e-mail, or when another account already has it,
                // the account gets GitHub's own no-reply address for this user.
                var email = info.Principal.FindFirstValue(ClaimTypes.Email);
                var verified = email is not null && await users.FindByEmailAsync(email) is null;
                if (!verified)
                {
                    email = $"{info.ProviderKey}+{login ?? "github"}@users.noreply.github.com";
                }

                user = new ChatUser { UserName = $"github-{info.ProviderKey}", Email = email, EmailConfirmed = verified };
                if (!(await users.CreateAsync(user)).Succeeded)
                {
                    return TypedResults.Redirect("/?login_error=github_account");
                }
            }

            if (!(await users.AddLoginAsync(user, info)).Succeeded)
            {
                return TypedResults.Redirect("/?login_error=github_link");
            }
        }

        if (await users.IsLockedOutAsync(user))
        {
            await context.SignOutAsync(IdentityConstants.ExternalScheme);
            return TypedResults.Redirect("/?login_error=locked");
        }

        if (login is not null && user.GitHubLogin != login)
        {
            user.GitHubLogin = login;
            await users.UpdateAsync(user);
        }

        if (info.AuthenticationTokens?.FirstOrDefault(t => t.Name == "access_token")?.Value is { Length: > 0 } token)
        {
            await keys.SetAsync(protector.Protect(ApiKeyOwner.ForUser(user.Id), "github", token), context.RequestAborted);
        }

        await context.SignOutAsync(IdentityConstants.ExternalScheme);
        await signIn.SignInAsync(user, isPersistent: true, info.LoginProvider);
        return TypedResults.Redirect(returnUrl);
    }

    /// <summary>Only a local path: never an open redirect.</summary>
    private static string LocalUrl(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";
}
