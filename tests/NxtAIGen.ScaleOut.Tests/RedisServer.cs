using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace NxtAIGen.ScaleOut.Tests;

/// <summary>
/// A collection fixture: a throwaway <c>redis-server</c> (no persistence, loopback only, a free port, a temporary
/// folder), started as a child process and ready once it prints "Ready to accept connections". Tests may stop it
/// (<see cref="StopAsync"/>, an outage) and start it again on the same port (<see cref="StartAsync"/>). Without
/// redis-server the tests skip with the reason printed, unless the environment variable CI is set: then they fail.
/// <c>NXTAIGEN_REDIS_SERVER</c> names another binary (set to a missing path, it checks the skip path).
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private readonly Lock _lock = new();
    private string? _binary;
    private string? _dir;
    private Process? _process;

    public string? SkipReason { get; private set; }

    public int Port { get; private set; }

    /// <summary>Gets the StackExchange.Redis configuration string of the server.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public static bool IsCi => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    public async Task InitializeAsync()
    {
        _binary = FindBinary();
        if (_binary is null)
        {
            const string reason = "redis-server not found (apt-get install redis-server, or NXTAIGEN_REDIS_SERVER); with CI set this is a failure.";
            if (IsCi)
            {
                throw new InvalidOperationException("CI is set but " + reason);
            }

            SkipReason = reason;
            await Console.Error.WriteLineAsync("Redis tests skipped: " + reason);
            return;
        }

        _dir = Path.Combine(Path.GetTempPath(), $"nxtaigen-redis-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_dir);
        Port = FreePort();
        await StartAsync();
    }

    /// <summary>Skips the calling test when the server is not available.</summary>
    public void SkipIfUnavailable() => Skip.If(SkipReason is not null, SkipReason);

    /// <summary>Starts the server (again, after <see cref="StopAsync"/>) and returns once it accepts connections.</summary>
    public async Task StartAsync()
    {
        SkipIfUnavailable();
        var start = new ProcessStartInfo(_binary!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _dir!,
        };
        foreach (var argument in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no", "--dir", _dir!, "--protected-mode", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start redis-server.");
        lock (_lock)
        {
            _process = process;
        }

        var output = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            if (line is null)
            {
                throw new InvalidOperationException($"redis-server exited before it was ready: {string.Join('\n', output)} {await process.StandardError.ReadToEndAsync()}");
            }

            output.Add(line);
            if (line.Contains("Ready to accept connections", StringComparison.Ordinal))
            {
                break;
            }
        }

        // Keep draining its output so it never blocks on a full pipe.
        _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        _ = process.StandardError.ReadToEndAsync(CancellationToken.None);
    }

    /// <summary>
    /// A task that completes when <paramref name="multiplexer"/> has reconnected after an outage (its interactive
    /// connection is restored), or fails after 30 seconds. Call it before <see cref="StartAsync"/>.
    /// </summary>
    public static Task ReconnectedAsync(IConnectionMultiplexer multiplexer)
    {
        var restored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        multiplexer.ConnectionRestored += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Interactive)
            {
                restored.TrySetResult();
            }
        };
        return restored.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Kills the server at once (an outage: every connection is reset, nothing is saved).</summary>
    public async Task StopAsync()
    {
        SkipIfUnavailable();
        Process? process;
        lock (_lock)
        {
            process = _process;
            _process = null;
        }

        if (process is null)
        {
            return;
        }

        using (process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (SkipReason is null && _binary is not null)
        {
            await StopAsync();
        }

        if (_dir is not null && Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private static string? FindBinary()
    {
        if (Environment.GetEnvironmentVariable("NXTAIGEN_REDIS_SERVER") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : null;
        }

        foreach (var candidate in new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" })
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
