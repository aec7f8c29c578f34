using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace ChatServer.Tests;

public sealed class GitHubSignInTests
{
    private const string AccessToken = "gho_fake_access_token_1234567890";

    /// <summary>A fake GitHub: the authorize page redirects straight back with a code; the token and user endpoints check what they get.</summary>
    private static Task<FakeHttpServer> StartFakeGitHubAsync(ConcurrentQueue<string> log) => FakeHttpServer.StartAsync(app =>
    {
        app.MapGet("/login/oauth/authorize", (HttpContext context) =>
        {
            var q = context.Request.Query;
            log.Enqueue($"authorize client_id={q["client_id"]} pkce={q["code_challenge_method"]}");
            return Results.Redirect(QueryHelpers.AddQueryString(q["redirect_uri"]!, new Dictionary<string, string?> { ["code"] = "the-code", ["state"] = q["state"] }));
        });
        app.MapPost("/login/oauth/access_token", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            log.Enqueue($"token code={form["code"]} secret={form["client_secret"]} verifier={(string.IsNullOrEmpty(form["code_verifier"]) ? "no" : "yes")}");
            return form["code"] == "the-code" && form["client_secret"] == "the-secret"
                ? Results.Text($$"""{"access_token":"{{AccessToken}}","token_type":"bearer","scope":"read:user,user:email"}""", "application/json")
                : Results.Text("""{"error":"bad_verification_code"}""", "application/json", statusCode: 400);
        });
        app.MapGet("/user", (HttpContext context) =>
        {
            log.Enqueue($"user auth={context.Request.Headers.Authorization}");
            return context.Request.Headers.Authorization == $"Bearer {AccessToken}"
                ? Results.Text("""{"id":4242,"login":"octocat","email":"octo@example.com","name":"The Octocat"}""", "application/json")
                : Results.StatusCode(401);
        });
    });

    private static Dictionary<string, string?> GitHubSettings(FakeHttpServer github) => new()
    {
        ["Authentication:GitHub:ClientId"] = "the-client",
        ["Authentication:GitHub:ClientSecret"] = "the-secret",
        ["Authentication:GitHub:AuthorizationEndpoint"] = new Uri(github.BaseUrl, "login/oauth/authorize").ToString(),
        ["Authentication:GitHub:TokenEndpoint"] = new Uri(github.BaseUrl, "login/oauth/access_token").ToString(),
        ["Authentication:GitHub:UserInformationEndpoint"] = new Uri(github.BaseUrl, "user").ToString(),
    };

    /// <summary>Follows the redirects a browser would, through the fake GitHub and back; returns where it ended.</summary>
    private static async Task<Uri> SignInAsync(HttpClient client, string start)
    {
        using var outside = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var next = new Uri(client.BaseAddress!, start);
        for (var hop = 0; hop < 10; hop++)
        {
            var own = next.Host == client.BaseAddress!.Host;
            using var response = own ? await client.GetAsync(next) : await outside.GetAsync(next);
            if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther))
            {
                Assert.Fail($"GET {next} ended with {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }

            var location = response.Headers.Location!;
            next = location.IsAbsoluteUri ? location : new Uri(next, location);
            if (next.Host == client.BaseAddress!.Host && !next.AbsolutePath.StartsWith("/api/auth/", StringComparison.Ordinal))
            {
                return next;
            }
        }

        throw new InvalidOperationException("Too many redirects.");
    }

    [Fact]
    public async Task External_NotConfigured_ListsNothing_AndTheStartIs404()
    {
        await using var factory = new ChatServerFactory();
        using var client = SampleUsers.Client(factory);

        var external = await SampleUsers.GetJsonAsync(client, "/api/auth/external");
        using var start = await client.GetAsync("/api/auth/external/github");

        Assert.Equal(0, external.GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, start.StatusCode);
    }

    [Fact]
    public async Task GitHub_EndToEnd_CreatesTheAccount_SignsIn_AndStoresTheTokenAsTheGithubKey()
    {
        var log = new ConcurrentQueue<string>();
        await using var github = await StartFakeGitHubAsync(log);
        await using var factory = new ChatServerFactory(GitHubSettings(github));
        using var client = SampleUsers.Client(factory, "https://localhost");

        var external = await SampleUsers.GetJsonAsync(client, "/api/auth/external");
        Assert.Equal("github", external[0].GetProperty("provider").GetString());
        var landed = await SignInAsync(client, external[0].GetProperty("url").GetString() + "?return_url=/chat?x=1");

        Assert.True(landed.PathAndQuery == "/chat?x=1", Uri.UnescapeDataString(landed.Query));
        Assert.Equal(["authorize client_id=the-client pkce=S256", "token code=the-code secret=the-secret verifier=yes", $"user auth=Bearer {AccessToken}"], log);
        var me = await SampleUsers.GetJsonAsync(client, "/api/me");
        Assert.True(me.GetProperty("signed_in").GetBoolean());
        Assert.Equal("octocat", me.GetProperty("github_login").GetString());
        Assert.Equal("octo@example.com", me.GetProperty("email").GetString());
        Assert.True(me.GetProperty("is_admin").GetBoolean()); // the first account
        var keys = await SampleUsers.GetJsonAsync(client, "/api/keys");
        var key = Assert.Single(keys.EnumerateArray());
        Assert.Equal("github", key.GetProperty("provider").GetString());
        Assert.DoesNotContain(AccessToken, keys.GetRawText(), StringComparison.Ordinal);
        var providers = await SampleUsers.GetJsonAsync(client, "/api/providers");
        Assert.True(providers.EnumerateArray().Single(p => p.GetProperty("id").GetString() == "github").GetProperty("configured").GetBoolean());

        // Signing in again finds the same account.
        using var again = SampleUsers.Client(factory, "https://localhost");
        await SignInAsync(again, "/api/auth/external/github");
        Assert.Equal(me.GetProperty("id").GetString(), (await SampleUsers.GetJsonAsync(again, "/api/me")).GetProperty("id").GetString());
    }

    [Fact]
    public async Task GitHub_EmailOfAnExistingAccount_IsNotTakenOver_AndReturnUrlMustBeLocal()
    {
        var log = new ConcurrentQueue<string>();
        await using var github = await StartFakeGitHubAsync(log);
        await using var factory = new ChatServerFactory(GitHubSettings(github));
        using var owner = await SampleUsers.SignUpAsync(factory, "octo@example.com", "https://localhost");
        using var client = SampleUsers.Client(factory, "https://localhost");

        var landed = await SignInAsync(client, "/api/auth/external/github?return_url=//evil.example/");

        Assert.Equal("localhost", landed.Host);
        Assert.Equal("/", landed.AbsolutePath);
        var me = await SampleUsers.GetJsonAsync(client, "/api/me");
        Assert.NotEqual((await SampleUsers.GetJsonAsync(owner, "/api/me")).GetProperty("id").GetString(), me.GetProperty("id").GetString());
        Assert.Equal("4242+octocat@users.noreply.github.com", me.GetProperty("email").GetString());
        Assert.Equal("octocat", me.GetProperty("github_login").GetString());
        Assert.Equal(0, (await SampleUsers.GetJsonAsync(owner, "/api/keys")).GetArrayLength());
    }

    [Fact]
    public async Task GitHub_SignedInUser_LinksGitHubToTheirAccount()
    {
        var log = new ConcurrentQueue<string>();
        await using var github = await StartFakeGitHubAsync(log);
        await using var factory = new ChatServerFactory(GitHubSettings(github));
        using var client = await SampleUsers.SignUpAsync(factory, "me@example.com", "https://localhost");
        var before = (await SampleUsers.GetJsonAsync(client, "/api/me")).GetProperty("id").GetString();

        await SignInAsync(client, "/api/auth/external/github");

        var me = await SampleUsers.GetJsonAsync(client, "/api/me");
        Assert.Equal(before, me.GetProperty("id").GetString());
        Assert.Equal("octocat", me.GetProperty("github_login").GetString());
        Assert.Equal("github", (await SampleUsers.GetJsonAsync(client, "/api/keys"))[0].GetProperty("provider").GetString());
    }
}
