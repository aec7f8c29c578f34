using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatServer.Tests;

/// <summary>
/// A real HTTP server on a loopback port that stands in for an upstream service (by default an OpenAI-compatible one):
/// each test says how it answers <c>POST /v1/chat/completions</c> (or the route it maps), and can watch for the
/// request being aborted.
/// </summary>
public sealed class FakeUpstream : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeUpstream(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>Gets the service root, for <c>NxtAIGen:Providers:&lt;id&gt;:BaseUrl</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Gets or sets how the next requests are answered.</summary>
    public Func<HttpContext, Task> Handler { get; set; } = context => { context.Response.StatusCode = 500; return Task.CompletedTask; };

    /// <summary>Completes when a request to the fake is aborted by its caller.</summary>
    public TaskCompletionSource RequestAborted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public List<string> RequestBodies { get; } = [];

    /// <summary>Gets the path and query of each request, in order.</summary>
    public List<string> RequestTargets { get; } = [];

    /// <summary>Gets the headers of each request, in order.</summary>
    public List<Dictionary<string, string>> RequestHeaders { get; } = [];

    public int Requests { get; private set; }

    /// <summary>Starts the server.</summary>
    /// <param name="route">The POST route it answers, for example <c>/v1beta/models/{**model}</c> for Gemini.</param>
    /// <param name="basePath">The path of <see cref="BaseUrl"/> under the server's address (<c>/v1</c>; empty for the root).</param>
    /// <returns>The started server.</returns>
    public static async Task<FakeUpstream> StartAsync(string route = "/v1/chat/completions", string basePath = "/v1")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        FakeUpstream? self = null;
        app.MapPost(route, async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            lock (self!.RequestBodies)
            {
                self.RequestBodies.Add(body);
                self.RequestTargets.Add(context.Request.Path + context.Request.QueryString);
                self.RequestHeaders.Add(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase));
                self.Requests++;
            }

            context.RequestAborted.Register(() => self.RequestAborted.TrySetResult());
            await self.Handler(context);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new FakeUpstream(app, new Uri(address.TrimEnd('/') + basePath));
        return self;
    }

    /// <summary>Answers with an SSE body, written in pieces of <paramref name="chunkSize"/> bytes, each flushed.</summary>
    public static Func<HttpContext, Task> Sse(byte[] body, int chunkSize = 64) => Body(body, "text/event-stream", chunkSize);

    /// <summary>Answers with a streamed body of <paramref name="contentType"/> (NDJSON for Ollama), written in pieces of <paramref name="chunkSize"/> bytes, each flushed.</summary>
    public static Func<HttpContext, Task> Body(byte[] body, string contentType, int chunkSize = 64) => async context =>
    {
        context.Response.ContentType = contentType;
        for (var offset = 0; offset < body.Length; offset += chunkSize)
        {
            await context.Response.Body.WriteAsync(body.AsMemory(offset, Math.Min(chunkSize, body.Length - offset)), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
        }
    };

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
