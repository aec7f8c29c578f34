using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace ChatServer.Tests;

/// <summary>The sample app in memory, with configuration overrides per test.</summary>
public sealed class ChatServerFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly TimeProvider? _time;

    public ChatServerFactory(Dictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        _time = time;
        _settings = new Dictionary<string, string?>
        {
            // Keep the demo fast in tests; its pacing is covered by its own tests.
            ["NxtAIGen:Providers:demo:DefaultModel"] = "demo-1-fast",
            ["ConnectionStrings:NxtAIGen"] = $"Data Source={DatabasePath};Pooling=False",
        };
        foreach (var (key, value) in settings ?? [])
        {
            _settings[key] = value;
        }
    }

    /// <summary>Gets the SQLite file of this instance (deleted with it).</summary>
    public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), $"nxtaigen-sample-{Guid.NewGuid():N}.db");

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
        // UseSetting reaches Program.cs before it reads configuration at build time (the connection string, GitHub
        // sign-in, lockout); AddInMemoryCollection comes later and also wins over appsettings.json.
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.ClearProviders());
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(_settings));
        if (_time is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(_time));
        }
    }
}
