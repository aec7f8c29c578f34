using Microsoft.AspNetCore.Server.Kestrel.Core;

// The gateway under load: a minimal host with AddNxtAIGen() + MapNxtAIGen("/api") and the OpenAI provider, whose
// BaseUrl the harness sets (NxtAIGen__Providers__openai__BaseUrl) to the fake upstream. appsettings.json lifts the
// guest quota (1,000,000 per minute, no per-IP ceiling) and turns the request rate limiter off so that neither refuses
// load-test requests; everything else is the library's default. Prints "LISTENING <url>" once bound and stops when its
// standard input closes (its parent, the harness, is gone).
var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(k =>
{
    k.Limits.MaxConcurrentConnections = null;
    k.Limits.MinResponseDataRate = null;
    k.ConfigureEndpointDefaults(o => o.Protocols = HttpProtocols.Http1);
});
builder.Services.AddNxtAIGen().AddOpenAI();
var app = builder.Build();
app.UseRateLimiter();
app.MapNxtAIGen("/api");

// For the harness's open-streams mode only: managed heap after a full collection (memory per open stream).
app.MapGet("/_load/memory", () =>
{
    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    GC.WaitForPendingFinalizers();
    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    return Results.Text(GC.GetTotalMemory(forceFullCollection: false).ToString(System.Globalization.CultureInfo.InvariantCulture));
});
await app.StartAsync();
Console.WriteLine("LISTENING " + app.Urls.First());
var stdin = Console.OpenStandardInput();
var buffer = new byte[64];
try
{
    while (await stdin.ReadAsync(buffer, app.Lifetime.ApplicationStopping) > 0)
    {
    }
}
catch (OperationCanceledException)
{
}

await app.StopAsync();
