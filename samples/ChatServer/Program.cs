using ChatServer.Commands;

// The NxtAIGen sample chat server: a one-page chat over every configured provider, with the offline
// `demo` provider as the default so it runs on a fresh machine with no key and no network.
var builder = WebApplication.CreateBuilder(args);

builder.Services.AddNxtAIGen()
    .AddDemo()
    .AddOpenAI()
    .AddOllama()
    .AddCohere()
    .AddAnthropic()
    .AddGemini()
    .AddEntityFrameworkStores(builder.Configuration.GetConnectionString("NxtAIGen") ?? "Data Source=nxtaigen.db");
builder.Services.AddHealthChecks();

var app = builder.Build();

if (args.FirstOrDefault() == ImportPhpKeysCommand.Name)
{
    await app.Services.MigrateNxtAIGenDatabaseAsync();
    return await ImportPhpKeysCommand.RunAsync(app.Services, args, Console.Out);
}

app.UseNxtAIGenSecurityHeaders();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseRateLimiter();          // the chat endpoint's request and concurrent-stream limits (NxtAIGen:RateLimiting)
app.MapNxtAIGen("/api");
app.MapNxtAIGenOpenAI("/v1");    // OpenAI-compatible gateway: NxtAIGen:Gateway:Keys or users' nxg_ tokens
app.MapHealthChecks("/healthz");

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
