// The NxtAIGen sample chat server: a one-page chat over every configured provider, with the offline
// `demo` provider as the default so it runs on a fresh machine with no key and no network.
var builder = WebApplication.CreateBuilder(args);

builder.Services.AddNxtAIGen()
    .AddDemo()
    .AddOpenAI()
    .AddOllama()
    .AddCohere()
    .AddAnthropic()
    .AddGemini();
builder.Services.AddHealthChecks();

var app = builder.Build();

app.UseNxtAIGenSecurityHeaders();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseRateLimiter();          // the chat endpoint's request and concurrent-stream limits (NxtAIGen:RateLimiting)
app.MapNxtAIGen("/api");
app.MapHealthChecks("/healthz");

app.Run();

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
