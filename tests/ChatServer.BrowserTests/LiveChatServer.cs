using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatServer.BrowserTests;

/// <summary>
/// The real sample app on Kestrel at a loopback port (a browser needs a real socket, which TestServer lacks),
/// with a temporary SQLite file and configuration overrides per test.
/// </summary>
public sealed class LiveChatServer : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    private LiveChatServer(Dictionary<string, string?>? settings)
    {
        _settings = new Dictionary<string, string?>
        {
            ["NxtAIGen:Providers:demo:DefaultModel"] = "demo-1-fast",
            ["ConnectionStrings:NxtAIGen"] = $"Data Source={DatabasePath};Pooling=False",
        };
        foreach (var (key, value) in settings ?? [])
        {
            _settings[key] = value;
        }

        UseKestrel(0);
    }

    /// <summary>Gets the SQLite file of this instance (deleted with it).</summary>
    public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), $"nxtaigen-browser-{Guid.NewGuid():N}.db");

    /// <summary>Gets the address the browser opens, such as <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Starts the app with <paramref name="settings"/> over its defaults.</summary>
    /// <returns>The started server.</returns>
    public static LiveChatServer Start(Dictionary<string, string?>? settings = null)
    {
        var server = new LiveChatServer(settings);
        server.StartServer();
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        return server;
    }

    /// <summary>Starts the app with the OpenAI provider pointed at <paramref name="upstream"/>.</summary>
    /// <returns>The started server.</returns>
    public static LiveChatServer StartWithOpenAI(FakeUpstream upstream, Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["NxtAIGen:Providers:openai:BaseUrl"] = upstream.BaseUrl.ToString(),
            ["NxtAIGen:Providers:openai:ApiKey"] = "sk-browser-test-server-key",
            ["NxtAIGen:Providers:openai:DefaultModel"] = "gpt-test",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return Start(all);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var file in new[] { DatabasePath, DatabasePath + "-wal", DatabasePath + "-shm" })
        {
            File.Delete(file);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:NxtAIGen", _settings["ConnectionStrings:NxtAIGen"]);
        builder.ConfigureLogging(logging => logging.ClearProviders());
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(_settings));
    }
}
