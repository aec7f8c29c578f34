using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace NxtAIGen.Storage.EntityFrameworkCore.Tests;

/// <summary>
/// A collection fixture: a throwaway PostgreSQL server (initdb into a temporary folder, pg_ctl on a free loopback port,
/// as the postgres user when running as root), one database per test class (or per call of
/// <see cref="CreateEmptyDatabaseAsync"/>), stopped and deleted at the end; the scale-out tests also stop and restart
/// it to simulate an outage. Without PostgreSQL's binaries the tests skip, unless the environment variable CI is set:
/// then they fail.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private readonly Dictionary<string, Task<StoreDatabase>> _databases = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private string? _bin;
    private string? _dir;
    private bool _started;

    public string? SkipReason { get; private set; }

    public int Port { get; private set; }

    public string ServerConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Maximum Pool Size=20";

    public static bool IsCi => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    public async Task InitializeAsync()
    {
        _bin = FindBinaries();
        if (_bin is null)
        {
            const string reason = "PostgreSQL binaries not found under /usr/lib/postgresql/*/bin or NXTAIGEN_POSTGRES_BIN (apt-get install postgresql); with CI set this is a failure.";
            if (IsCi)
            {
                throw new InvalidOperationException("CI is set but " + reason);
            }

            SkipReason = reason;
            await Console.Error.WriteLineAsync("PostgreSQL tests skipped: " + reason);
            return;
        }

        _dir = Path.Combine(Path.GetTempPath(), $"nxtaigen-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_dir);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", ["postgres", _dir], asPostgres: false);
        }

        var data = Path.Combine(_dir, "data");
        await RunAsync(Path.Combine(_bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"], asRoot);
        Port = FreePort();
        var options = $"-c listen_addresses=127.0.0.1 -p {Port} -k {_dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
        await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", data, "-o", options, "-l", Path.Combine(_dir, "log"), "-w", "-t", "60", "start"], asRoot);
        _started = true;
    }

    /// <summary>Skips the calling test when the server is not available.</summary>
    public void SkipIfUnavailable() => Skip.If(SkipReason is not null, SkipReason);

    /// <summary>The migrated database of one test class, created on first use.</summary>
    public Task<StoreDatabase> GetDatabaseAsync(string testClass)
    {
        SkipIfUnavailable();
        lock (_lock)
        {
            if (!_databases.TryGetValue(testClass, out var database))
            {
                _databases[testClass] = database = CreateDatabaseAsync();
            }

            return database;
        }
    }

    /// <summary>Stops the server at once (an outage); <see cref="StartAsync"/> brings it back on the same port and data.</summary>
    public async Task StopAsync()
    {
        SkipIfUnavailable();
        await RunAsync(Path.Combine(_bin!, "pg_ctl"), ["-D", Path.Combine(_dir!, "data"), "-m", "immediate", "-w", "stop"], Environment.UserName == "root");
        _started = false;
    }

    /// <summary>Starts the server again after <see cref="StopAsync"/>.</summary>
    public async Task StartAsync()
    {
        SkipIfUnavailable();
        var options = $"-c listen_addresses=127.0.0.1 -p {Port} -k {_dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
        await RunAsync(Path.Combine(_bin!, "pg_ctl"), ["-D", Path.Combine(_dir!, "data"), "-o", options, "-l", Path.Combine(_dir!, "log"), "-w", "-t", "60", "start"], Environment.UserName == "root");
        _started = true;
    }

    /// <summary>A new empty database's connection string.</summary>
    public async Task<string> CreateEmptyDatabaseAsync()
    {
        SkipIfUnavailable();
        var name = $"t_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(ServerConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return $"{ServerConnectionString};Database={name}";
    }

    public async Task DisposeAsync()
    {
        foreach (var database in _databases.Values)
        {
            if (database.IsCompletedSuccessfully)
            {
                await (await database).DisposeAsync();
            }
        }

        NpgsqlConnection.ClearAllPools();
        if (_started && _bin is not null && _dir is not null)
        {
            await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_dir, "data"), "-m", "immediate", "-w", "stop"], Environment.UserName == "root");
        }

        if (_dir is not null && Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private async Task<StoreDatabase> CreateDatabaseAsync() => await StoreDatabase.CreateAsync(await CreateEmptyDatabaseAsync());

    private static string? FindBinaries()
    {
        // NXTAIGEN_POSTGRES_BIN points at another bin folder (or, set to a missing one, checks the skip path).
        if (Environment.GetEnvironmentVariable("NXTAIGEN_POSTGRES_BIN") is { Length: > 0 } configured)
        {
            return File.Exists(Path.Combine(configured, "initdb")) && File.Exists(Path.Combine(configured, "pg_ctl")) ? configured : null;
        }

        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return null;
        }

        return Directory.GetDirectories(root)
            .Select(d => Path.Combine(d, "bin"))
            .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
            .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var version) ? version : 0)
            .FirstOrDefault();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, string[] arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres)
        {
            foreach (var argument in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await stdout} {await stderr}");
        }
    }
}
