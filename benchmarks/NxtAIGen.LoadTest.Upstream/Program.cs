using Microsoft.AspNetCore.Server.Kestrel.Core;
using NxtAIGen.LoadTest.Upstream;

// A fast fake OpenAI chat-completions upstream for the load harness. POST /v1/chat/completions answers with an SSE
// stream of N content chunks, a finish chunk, a usage chunk and [DONE]. The request's model names the shape:
// "t<tokens>-d<delay ms>" (for example "t20-d0"); other models get the defaults of --tokens and --delay-ms.
// It prints "LISTENING <url>" once bound and stops when its standard input closes (its parent is gone).
var settings = FakeStreamSettings.FromArgs(args);
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseUrls(settings.Url);
builder.WebHost.ConfigureKestrel(k =>
{
    k.Limits.MaxConcurrentConnections = null;
    k.Limits.MaxConcurrentUpgradedConnections = null;
    k.Limits.MinResponseDataRate = null;
    k.Limits.MinRequestBodyDataRate = null;
    k.AddServerHeader = false;
    k.ConfigureEndpointDefaults(o => o.Protocols = HttpProtocols.Http1);
});
var app = builder.Build();
app.MapPost("/v1/chat/completions", (HttpContext context) => FakeStream.WriteAsync(context, settings));
app.MapGet("/v1/models", () => Results.Text("{\"object\":\"list\",\"data\":[]}", "application/json"));
await app.StartAsync();
Console.WriteLine("LISTENING " + app.Urls.First());
await ParentWatch.WaitForStdinCloseAsync(app.Lifetime.ApplicationStopping);
await app.StopAsync();
