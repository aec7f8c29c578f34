using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NxtAIGen.AspNetCore.Tests;

public sealed class SecurityHeadersTests
{
    [Theory]
    [InlineData("/api/providers")]
    [InlineData("/api/antiforgery")]
    [InlineData("/api/keys")]
    [InlineData("/nothing-here")]
    public async Task EveryResponse_CarriesTheHeaders(string path)
    {
        await using var app = await TestApp.StartAsync();

        using var response = await app.Client.GetAsync(path);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("frame-ancestors 'none'", Header(response, "Content-Security-Policy"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
    }

    [Fact]
    public async Task HeadersTheHostSet_AreKept()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["NxtAIGen:Security:ReferrerPolicy"] = "strict-origin-when-cross-origin" });
        builder.Services.AddNxtAIGen();
        await using var app = builder.Build();
        app.Use((context, next) =>
        {
            context.Response.Headers["X-Frame-Options"] = "SAMEORIGIN";
            return next(context);
        });
        app.UseNxtAIGenSecurityHeaders();
        app.MapGet("/page", (HttpContext context) =>
        {
            context.Response.Headers.ContentSecurityPolicy = "default-src 'self'";
            return "page";
        });
        await app.StartAsync();
        using var client = app.GetTestClient();

        using var response = await client.GetAsync("/page");

        Assert.Equal("SAMEORIGIN", Header(response, "X-Frame-Options"));
        Assert.Equal("default-src 'self'", Header(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values)
            : null;
}
