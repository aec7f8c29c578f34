using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NxtAIGen.Abstractions;
using NxtAIGen.AspNetCore.Security;

namespace NxtAIGen.AspNetCore.Tests;

/// <summary>A host with <c>MapNxtAIGen("/api")</c> on a test server, a fake clock and scripted providers.</summary>
public sealed class TestApp : IAsyncDisposable
{
    /// <summary>Reflection-based JSON for the tests' anonymous request bodies (the library itself runs with reflection disabled).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    public const string IpHeader = "X-Test-IP";

    private readonly WebApplication _app;

    private TestApp(WebApplication app, FakeTimeProvider time, ScriptedProvider provider)
    {
        _app = app;
        Time = time;
        Provider = provider;
        Client = app.GetTestClient();
        Logs = app.Services.GetRequiredService<CapturingLoggerProvider>();
        KeyedProviders = app.Services.GetRequiredService<KeyedProviderLog>().Created;
    }

    /// <summary>Gets every log message the app wrote, at every level.</summary>
    public CapturingLoggerProvider Logs { get; }

    /// <summary>Gets the <c>keyed</c> providers the registry created, in order, each with the key and base URL it was given.</summary>
    public ConcurrentQueue<ScriptedProvider> KeyedProviders { get; }

    public FakeTimeProvider Time { get; }

    public ScriptedProvider Provider { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<TestApp> StartAsync(
        Dictionary<string, string?>? configuration = null,
        ChatCapabilities capabilities = ChatCapabilities.Reasoning | ChatCapabilities.Tools,
        Action<INxtAIGenBuilder>? configure = null)
    {
        var app = Build(configuration, capabilities, configure, out var time, out var provider);
        await app.StartAsync();
        return new TestApp(app, time, provider);
    }

    public static WebApplication Build(
        Dictionary<string, string?>? configuration,
        ChatCapabilities capabilities,
        Action<INxtAIGenBuilder>? configure,
        out FakeTimeProvider time,
        out ScriptedProvider provider,
        bool kestrel = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        if (kestrel)
        {
            // A real socket on a free loopback port, for clients that bring their own HTTP stack (OpenAI SDKs, Node).
            builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        }
        else
        {
            builder.WebHost.UseTestServer();
        }
        builder.Logging.ClearProviders();
        var logs = new CapturingLoggerProvider();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Services.AddSingleton(logs);
        var keyedLog = new KeyedProviderLog();
        builder.Services.AddSingleton(keyedLog);
        TestAuthHandler.AddTo(builder.Services);
        var settings = new Dictionary<string, string?>
        {
            ["NxtAIGen:DefaultProvider"] = "fake",
            ["NxtAIGen:Streaming:Retry:BaseDelay"] = "00:00:00",
        };
        foreach (var (key, value) in configuration ?? [])
        {
            settings[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        var fakeTime = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        var scripted = new ScriptedProvider(capabilities: capabilities);
        builder.Services.AddSingleton<TimeProvider>(fakeTime);
        var nxt = builder.Services.AddNxtAIGen()
            .AddProviderType(new ChatProviderRegistration
            {
                Type = "fake",
                Name = "Fake",
                DefaultModel = "fake-1",
                RequiresApiKey = false,
                RequiresBaseUrl = false,
                Capabilities = capabilities,
                Create = (_, _) => scripted,
            })
            .AddProviderType(new ChatProviderRegistration
            {
                Type = "keyed",
                Name = "Needs a key",
                DefaultModel = "keyed-1",
                RequiresBaseUrl = false,
                Create = (_, s) => keyedLog.Create(s),
            });
        // After AddNxtAIGen, so these replace its defaults: an in-memory key ring, and names resolved without DNS.
        builder.Services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        builder.Services.AddSingleton<IHostNameResolver>(new FakeHostNameResolver());
        configure?.Invoke(nxt);
        var app = builder.Build();
        app.UseNxtAIGenSecurityHeaders();
        app.Use((context, next) =>
        {
            // The test server has no client address: a test sets one with X-Test-IP.
            if (context.Request.Headers.TryGetValue(IpHeader, out var ip) && IPAddress.TryParse(ip, out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }

            return next(context);
        });
        app.UseAuthentication();
        app.UseRateLimiter();
        app.MapNxtAIGen("/api");
        app.MapNxtAIGenOpenAI("/v1");
        time = fakeTime;
        provider = scripted;
        return app;
    }

    /// <summary>Posts a chat request and returns the response as soon as its headers arrive.</summary>
    public async Task<HttpResponseMessage> PostStreamAsync(object body, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/chat/stream") { Content = JsonContent.Create(body, options: Json) };
        return await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    public async Task<HttpResponseMessage> PostRawAsync(string json, string contentType = "application/json")
    {
        using var content = new StringContent(json, Encoding.UTF8, contentType);
        return await Client.PostAsync("/api/chat/stream", content);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
