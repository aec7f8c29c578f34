using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NxtAIGen.AspNetCore;

namespace NxtAIGen.FaultTests;

/// <summary>
/// The real app (<c>AddNxtAIGen().AddOpenAI().AddAnthropic()</c>, <c>MapNxtAIGen("/api")</c>,
/// <c>MapNxtAIGenOpenAI("/v1")</c>) on Kestrel on a loopback port, with <c>openai</c> and <c>anthropic</c> pointed at a
/// <see cref="FaultyUpstream"/>, a fake clock (idle timeout, heartbeats, retry delays) and a real browser-like client.
/// </summary>
public sealed class FaultApp : IAsyncDisposable
{
    public const int GuestLimit = 5;
    public const string GatewayKey = "sk-fault-suite-gateway-key";
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(30);

    private readonly WebApplication _app;

    private FaultApp(WebApplication app, FakeTimeProvider time, FaultyUpstream upstream)
    {
        _app = app;
        Time = time;
        Upstream = upstream;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = new Uri(address.TrimEnd('/') + "/");
        Port = BaseUrl.Port;
        Browser = NewBrowser();
    }

    public Uri BaseUrl { get; }

    public int Port { get; }

    public FakeTimeProvider Time { get; }

    /// <summary>Gets the observer that tracks every stream's start object weakly.</summary>
    public RequestTracker Tracker { get; private init; } = null!;

    public FaultyUpstream Upstream { get; }

    /// <summary>Gets the browser: a real HttpClient over its own sockets, keeping the guest cookie.</summary>
    public HttpClient Browser { get; private set; }

    /// <summary>Starts the app against <paramref name="upstream"/>.</summary>
    /// <param name="upstream">The misbehaving upstream both providers point at.</param>
    /// <param name="overrides">Settings on top of the suite's.</param>
    /// <param name="systemClock">
    /// Runs the app on the system clock (then <see cref="Time"/> moves nothing): for a burst of streams, whose timers would
    /// all queue on the fake clock's one lock, a contention no real server has.
    /// </param>
    public static async Task<FaultApp> StartAsync(FaultyUpstream upstream, Dictionary<string, string?>? overrides = null, bool systemClock = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.Limits.MaxConcurrentConnections = null;
        });

        // Kestrel queues 512 connections not yet accepted by default; past that, Linux drops the SYN and the client tries
        // again a second later. A burst of 1,000 needs the longer queue a server expecting bursts would configure.
        builder.WebHost.UseSockets(o => o.Backlog = 4096);
        builder.Logging.ClearProviders();
        var settings = new Dictionary<string, string?>
        {
            ["NxtAIGen:DefaultProvider"] = "openai",
            ["NxtAIGen:Providers:openai:BaseUrl"] = upstream.BaseUrl,
            ["NxtAIGen:Providers:openai:ApiKey"] = "sk-upstream-key-never-shown",
            ["NxtAIGen:Providers:openai:DefaultModel"] = "gpt-fault",
            ["NxtAIGen:Providers:anthropic:BaseUrl"] = upstream.BaseUrl,
            ["NxtAIGen:Providers:anthropic:ApiKey"] = "sk-ant-upstream-key-never-shown",
            ["NxtAIGen:Providers:anthropic:DefaultModel"] = "claude-fault",
            ["NxtAIGen:Guest:Limit"] = GuestLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["NxtAIGen:Guest:PerIpLimit"] = "0",
            ["NxtAIGen:Streaming:IdleTimeout"] = IdleTimeout.ToString(),
            ["NxtAIGen:Streaming:HeartbeatInterval"] = "00:00:15",
            ["NxtAIGen:Streaming:Retry:MaxAttempts"] = "3",
            ["NxtAIGen:Streaming:Retry:BaseDelay"] = "00:00:01",
            ["NxtAIGen:Streaming:Retry:MaxDelay"] = "00:00:02",
            ["NxtAIGen:Streaming:Retry:MaxRetryAfter"] = "00:00:20",
            ["NxtAIGen:Gateway:Keys:0"] = GatewayKey,
        };
        foreach (var (key, value) in overrides ?? [])
        {
            settings[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));
        if (!systemClock)
        {
            builder.Services.AddSingleton<TimeProvider>(time);
        }

        var tracker = new RequestTracker();
        builder.Services.AddSingleton<IChatStreamObserver>(tracker);
        builder.Services.AddNxtAIGen().AddOpenAI().AddAnthropic();
        var app = builder.Build();
        app.MapNxtAIGen("/api");
        app.MapNxtAIGenOpenAI("/v1");
        await app.StartAsync();
        upstream.Clock = time.GetUtcNow;
        return new FaultApp(app, time, upstream) { Tracker = tracker };
    }

    /// <summary>A fresh browser (its own connections and cookie jar).</summary>
    public HttpClient NewBrowser() => new(new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer() })
    {
        BaseAddress = BaseUrl,
        Timeout = Timeout.InfiniteTimeSpan,
    };

    /// <summary>Posts a guest chat and returns as soon as the headers arrive.</summary>
    public async Task<HttpResponseMessage> PostChatAsync(string provider = "openai", HttpClient? client = null, CancellationToken cancellationToken = default)
    {
        using var content = new StringContent($$"""{"provider":"{{provider}}","message":"hello"}""", Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/chat/stream") { Content = content };
        return await (client ?? Browser).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    /// <summary>Opens a guest chat and reads its events as they come.</summary>
    public async Task<SseSession> OpenChatAsync(string provider = "openai")
    {
        var response = await PostChatAsync(provider);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new SseSession(response, await response.Content.ReadAsStreamAsync());
    }

    /// <summary>Gets the guest's remaining messages from <c>GET /api/limits</c>.</summary>
    public async Task<int> GuestRemainingAsync()
    {
        using var limits = JsonDocument.Parse(await Browser.GetStringAsync(new Uri("api/limits", UriKind.Relative)));
        return limits.RootElement.GetProperty("remaining").GetProperty("guest").GetInt32();
    }

    /// <summary>
    /// Advances the fake clock a second at a time until <paramref name="condition"/> holds: a retry waits for its
    /// backoff or <c>Retry-After</c> on this clock, and the timer only exists once the failure has been seen.
    /// </summary>
    public Task AdvanceUntilAsync(Func<bool> condition, string what) =>
        Poll.UntilAsync(
            () =>
            {
                if (condition())
                {
                    return true;
                }

                Time.Advance(TimeSpan.FromSeconds(1));
                return condition();
            },
            what);

    /// <summary>
    /// Closes the browser's connections and checks that nothing is left: no open socket on the app's or the
    /// upstream's port, and every upstream connection ended.
    /// </summary>
    public async Task AssertNothingLeftAsync()
    {
        Browser.Dispose();
        await Upstream.AllEndedAsync();
        await Poll.UntilAsync(() => OpenSockets.Count(Upstream.Port) == 0, $"no open socket to the upstream (port {Upstream.Port}): {OpenSockets.Count(Upstream.Port)} left");
        await Poll.UntilAsync(() => OpenSockets.Count(Port) == 0, $"no open socket to the app (port {Port}): {OpenSockets.Count(Port)} left");
        Browser = NewBrowser();
    }

    public async ValueTask DisposeAsync()
    {
        Browser.Dispose();
        await _app.DisposeAsync();
    }
}
