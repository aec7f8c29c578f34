using System.Collections.Concurrent;
using System.Diagnostics;

namespace NxtAIGen.LoadTest;

/// <summary>
/// A server the harness starts on loopback: run through <c>/bin/sh</c> to raise its open-file limit, then exec'd so its
/// process id is the server's. It prints <c>LISTENING &lt;url&gt;</c> once bound, and exits when its standard input
/// closes, so it dies with the harness even when the harness is killed; <see cref="DisposeAsync"/> kills it at once.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<ChildProcess, bool> Live = new();
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _errors = new();

    private ChildProcess(string name, Process process, Uri url)
    {
        Name = name;
        _process = process;
        Url = url;
    }

    public string Name { get; }

    public Uri Url { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public static async Task<ChildProcess> StartAsync(
        string name, string workingDirectory, IReadOnlyList<string> command, IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("ulimit -n 1048576 2>/dev/null || ulimit -n \"$(ulimit -Hn)\"; exec \"$@\"");
        info.ArgumentList.Add(name);
        foreach (var part in command)
        {
            info.ArgumentList.Add(part);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"{name} did not start.");
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && line.StartsWith("LISTENING ", StringComparison.Ordinal))
            {
                listening.TrySetResult(new Uri(line["LISTENING ".Length..].Trim()));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                errors.Enqueue(line);
                while (errors.Count > 40 && errors.TryDequeue(out string? _))
                {
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(90));
            var exited = process.WaitForExitAsync(timeout.Token);
            var done = await Task.WhenAny(listening.Task, exited);
            if (done != listening.Task)
            {
                await done; // throws on timeout or cancellation
                throw new InvalidOperationException($"{name} exited with code {process.ExitCode} before listening: {string.Join('\n', errors)}");
            }

            var child = new ChildProcess(name, process, await listening.Task);
            foreach (var e in errors)
            {
                child._errors.Enqueue(e);
            }

            Live[child] = true;
            return child;
        }
        catch
        {
            Kill(process);
            process.Dispose();
            throw;
        }
    }

    public ProcessStats Stats() => ProcessStats.Read(_process.Id);

    /// <summary>Kills every child still running (Ctrl+C, process exit).</summary>
    public static void KillAll()
    {
        foreach (var child in Live.Keys)
        {
            Kill(child._process);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Live.TryRemove(this, out _);
        Kill(_process);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
        }

        _process.Dispose();
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
        }
        catch (System.ComponentModel.Win32Exception)
        {
        }
    }
}
