using ChatServer.Accounts;
using ChatServer.Admin;
using ChatServer.Commands;
using ChatServer.Conversations;
using ChatServer.Data;
using ChatServer.Http;
using ChatServer.Options;
using ChatServer.Settings;
using ChatServer.Telemetry;
using Microsoft.AspNetCore.Identity;
using NxtAIGen.AspNetCore;

// The NxtAIGen sample chat server: a chat page over every configured provider, with the offline `demo` provider as the
// default so it runs on a fresh machine with no key and no network. Accounts (ASP.NET Core Identity), conversations,
// settings and admin pages are stored in the same database as NxtAIGen's stores: SQLite by default, PostgreSQL when
// ConnectionStrings:NxtAIGen is a PostgreSQL connection string.
var builder = WebApplication.CreateBuilder(args);
var connectionString = builder.Configuration.GetConnectionString("NxtAIGen") ?? "Data Source=nxtaigen.db";

var redisConnectionString = builder.Configuration.GetConnectionString("Redis");

var nxtaigen = builder.Services.AddNxtAIGen()
    .AddDemo()
    .AddOpenAI()
    .AddOllama()
    .AddCohere()
    .AddAnthropic()
    .AddGemini()
    .AddEntityFrameworkStores(connectionString);
var health = builder.Services.AddHealthChecks().AddNxtAIGenProviders(tags: ["providers"]); // /healthz/providers asks each configured provider
if (!string.IsNullOrWhiteSpace(redisConnectionString))
{
    // Several instances: quotas, the Data Protection key ring (cookies, stored keys) and model lists shared through Redis.
    nxtaigen.AddRedisStores(redisConnectionString);
    health.AddNxtAIGenRedis();
}

builder.AddSampleTelemetry();                                                  // ChatServer:Telemetry:Exporter = none | console | otlp
builder.Services.AddProblemDetails(); // Identity's endpoints answer failures with ProblemDetails

// Accounts: Identity's cookie (and bearer) sign-in on EF Core; the first account, or one named in ChatServer:Admins, is admin.
builder.Services.AddOptions<ChatServerOptions>().BindConfiguration("ChatServer")
    .Validate(o => o.MaxFailedSignIns is >= 1 and <= 100, "ChatServer:MaxFailedSignIns must be between 1 and 100.")
    .Validate(o => o.LockoutDuration > TimeSpan.Zero && o.SessionLifetime > TimeSpan.Zero, "ChatServer:LockoutDuration and ChatServer:SessionLifetime must be positive.")
    .ValidateOnStart();
var chatOptions = builder.Configuration.GetSection("ChatServer").Get<ChatServerOptions>() ?? new ChatServerOptions();
builder.Services.AddChatDatabase(connectionString);
builder.Services.AddScoped<AdminRule>();
builder.Services.AddIdentityApiEndpoints<ChatUser>(o =>
    {
        o.User.RequireUniqueEmail = true;
        o.Password.RequiredLength = 8;
        o.Lockout.AllowedForNewUsers = true;
        o.Lockout.MaxFailedAccessAttempts = chatOptions.MaxFailedSignIns;
        o.Lockout.DefaultLockoutTimeSpan = chatOptions.LockoutDuration;
    })
    .AddEntityFrameworkStores<ChatDbContext>()
    .AddUserManager<ChatUserManager>()
    .AddClaimsPrincipalFactory<ChatUserClaimsPrincipalFactory>();
builder.Services.ConfigureApplicationCookie(o =>
{
    o.Cookie.Name = "nxtaigen_auth";
    o.Cookie.HttpOnly = true;
    o.Cookie.SameSite = SameSiteMode.Lax;
    o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // Secure whenever the request came over HTTPS
    o.ExpireTimeSpan = chatOptions.SessionLifetime;
    o.SlidingExpiration = true;
    o.Events.OnRedirectToLogin = c => { c.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
    o.Events.OnRedirectToAccessDenied = c => { c.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
});
builder.Services.ConfigureExternalCookie(o =>
{
    o.Cookie.HttpOnly = true;
    o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
});
builder.Services.AddAuthentication().AddGitHub(builder.Configuration);
builder.Services.AddAuthorizationBuilder()
    .AddPolicy(AdminRule.Policy, p => p.RequireAuthenticatedUser().RequireRole(AdminRule.Role));

// Conversations stored through the library's observer hook; admins' provider switches through its availability hook.
builder.Services.AddScoped<IChatStreamObserver, ConversationRecorder>();
builder.Services.AddSingleton<ProviderSwitches>();
builder.Services.AddSingleton<IProviderAvailability>(sp => sp.GetRequiredService<ProviderSwitches>());

var app = builder.Build();

if (args.FirstOrDefault() == ImportPhpKeysCommand.Name)
{
    await app.Services.MigrateNxtAIGenDatabaseAsync();
    return await ImportPhpKeysCommand.RunAsync(app.Services, args, Console.Out);
}

app.UseNxtAIGenSecurityHeaders();
app.UseDefaultFiles();
app.UseStaticFiles(new StaticFileOptions
{
    // The page: scripts, styles and connections from this origin only, so that even a sanitiser bug could not load
    // or run anything else (model output is also sanitised with DOMPurify; remote images are shown as links).
    OnPrepareResponse = static context =>
    {
        if (context.File.Name.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
        {
            context.Context.Response.Headers.ContentSecurityPolicy =
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
                "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
        }
    },
});
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();          // the chat endpoint's request and concurrent-stream limits (NxtAIGen:RateLimiting)
app.MapNxtAIGen("/api");

// The sample's own endpoints; every state-changing request of a cookie-signed-in user needs X-CSRF-TOKEN.
var api = app.MapGroup("/api").WithNxtAIGenAntiforgery();
var auth = api.MapGroup("/auth");
auth.MapIdentityApi<ChatUser>();
AccountEndpoints.Map(api, auth);
GitHubSignIn.Map(auth);
ConversationEndpoints.Map(api.MapGroup("/conversations").AddEndpointFilter<RequireUserFilter>());
SettingsEndpoints.Map(api);
AdminEndpoints.Map(api.MapGroup("/admin").AddEndpointFilter<RequireAdminFilter>());
app.MapNxtAIGenOpenAI("/v1");    // OpenAI-compatible gateway: NxtAIGen:Gateway:Keys or users' nxg_ tokens
app.MapHealthChecks("/healthz", new() { Predicate = c => !c.Tags.Contains("providers") });
app.MapHealthChecks("/healthz/providers", new() { Predicate = c => c.Tags.Contains("providers") });

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
