using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatServer.BrowserTests;

/// <summary>An OpenAI-compatible <c>GET /v1/models</c> on a loopback port that accepts one bearer key: what the key "Test" button checks.</summary>
public sealed class FakeModelList : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeModelList(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>Gets the service root (ending in <c>/v1</c>).</summary>
    public Uri BaseUrl { get; }

    /// <summary>Starts the server; only <paramref name="acceptedKey"/> gets the list, any other key a 401.</summary>
    /// <returns>The started server.</returns>
    public static async Task<FakeModelList> StartAsync(string acceptedKey)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet("/v1/models", context =>
        {
            context.Response.ContentType = "application/json";
            if (context.Request.Headers.Authorization.ToString() != $"Bearer {acceptedKey}")
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return context.Response.WriteAsync("""{"error":{"message":"Incorrect API key provided.","type":"invalid_request_error","code":"invalid_api_key"}}""");
            }

            return context.Response.WriteAsync("""{"object":"list","data":[{"id":"gpt-test","object":"model","owned_by":"test"}]}""");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FakeModelList(app, new Uri(address.TrimEnd('/') + "/v1"));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
