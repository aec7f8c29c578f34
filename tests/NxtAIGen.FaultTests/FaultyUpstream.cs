using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NxtAIGen.FaultTests;

/// <summary>
/// A misbehaving upstream on a real loopback socket (a <see cref="TcpListener"/> speaking just enough HTTP/1.1), so
/// resets, stalls and missing headers are real. Each accepted request takes the next queued script (the last one
/// repeats); a script writes what it likes, and the fake closes the socket when the script returns.
/// </summary>
public sealed class FaultyUpstream : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<Func<UpstreamExchange, Task>> _scripts = new();
    private readonly List<UpstreamExchange> _exchanges = [];
    private readonly List<Task> _running = [];
    private readonly Task _acceptLoop;
    private Func<UpstreamExchange, Task> _last = e => e.WriteErrorAsync(500, "Internal Server Error", """{"error":{"message":"no script"}}""");

    private FaultyUpstream()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start(2048);
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _acceptLoop = AcceptAsync();
    }

    /// <summary>Gets or sets the clock that stamps each request's arrival (the app's fake clock, to check retry delays).</summary>
    public Func<DateTimeOffset>? Clock { get; set; }

    /// <summary>
    /// Gets the pause between bytes of a trickling answer: 2 ms by default so the suite is quick, or
    /// <c>NXTAIGEN_FAULT_TRICKLE_MS</c> (100 reproduces the one byte every 100 ms); the behaviour is the same.
    /// </summary>
    public static TimeSpan TrickleInterval { get; } = TimeSpan.FromMilliseconds(
        int.TryParse(Environment.GetEnvironmentVariable("NXTAIGEN_FAULT_TRICKLE_MS"), out var ms) ? ms : 2);

    /// <summary>Gets the listening port.</summary>
    public int Port { get; }

    /// <summary>Gets the service root for <c>NxtAIGen:Providers:&lt;id&gt;:BaseUrl</c>: <c>http://127.0.0.1:PORT/v1</c>.</summary>
    public string BaseUrl => $"http://127.0.0.1:{Port}/v1";

    /// <summary>Gets how many requests arrived.</summary>
    public int RequestCount
    {
        get
        {
            lock (_exchanges)
            {
                return _exchanges.Count;
            }
        }
    }

    /// <summary>Gets a copy of the requests so far.</summary>
    public IReadOnlyList<UpstreamExchange> Exchanges
    {
        get
        {
            lock (_exchanges)
            {
                return [.. _exchanges];
            }
        }
    }

    public static FaultyUpstream Start() => new();

    /// <summary>Drops the record of every ended connection (a long run keeps its own memory flat).</summary>
    public void ForgetEnded()
    {
        lock (_exchanges)
        {
            _exchanges.RemoveAll(e => e.Ended.IsCompleted);
        }

        lock (_running)
        {
            _running.RemoveAll(t => t.IsCompleted);
        }
    }

    /// <summary>Queues how the next request is answered; the last script queued also answers every later request.</summary>
    public FaultyUpstream Then(Func<UpstreamExchange, Task> script)
    {
        _scripts.Enqueue(script);
        return this;
    }

    /// <summary>Waits (polling, with a deadline) until <paramref name="count"/> requests have arrived.</summary>
    public Task WaitForRequestsAsync(int count) => Poll.UntilAsync(() => RequestCount >= count, $"{count} upstream request(s)");

    /// <summary>Waits until every connection the fake accepted has ended, its script finished.</summary>
    public Task AllEndedAsync() => Poll.UntilAsync(() => Exchanges.All(e => e.Ended.IsCompleted), "every upstream connection to end");

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _acceptLoop;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }

        foreach (var exchange in Exchanges)
        {
            exchange.Close();
        }

        Task[] running;
        lock (_running)
        {
            running = [.. _running];
        }

        await Task.WhenAll(running).WaitAsync(TimeSpan.FromSeconds(10));
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var socket = await _listener.AcceptSocketAsync(_stop.Token);
            var task = Task.Run(() => ServeAsync(socket));
            lock (_running)
            {
                _running.Add(task);
            }
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        UpstreamExchange? exchange = null;
        try
        {
            var (requestLine, body) = await ReadRequestAsync(socket);
            if (requestLine is null)
            {
                socket.Dispose();
                return;
            }

            exchange = new UpstreamExchange(socket, requestLine, body, Clock?.Invoke());
            Func<UpstreamExchange, Task> script;
            lock (_exchanges)
            {
                _exchanges.Add(exchange);
                if (_scripts.TryDequeue(out var next))
                {
                    _last = next;
                }

                script = _last;
            }

            await script(exchange);
            if (!exchange.Ended.IsCompleted)
            {
                socket.Shutdown(SocketShutdown.Send);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            // The caller went away while the script wrote: that is what several cases provoke.
            exchange?.MarkPeerClosed();
        }
        finally
        {
            if (exchange is null)
            {
                socket.Dispose();
            }
            else
            {
                exchange.Close();
            }
        }
    }

    private static async Task<(string? RequestLine, string Body)> ReadRequestAsync(Socket socket)
    {
        var buffer = new byte[16 * 1024];
        var filled = 0;
        int headEnd;
        while ((headEnd = buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8)) < 0)
        {
            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var n = await socket.ReceiveAsync(buffer.AsMemory(filled));
            if (n == 0)
            {
                return (null, string.Empty);
            }

            filled += n;
        }

        var lines = Encoding.ASCII.GetString(buffer, 0, headEnd).Split("\r\n");
        var length = 0;
        foreach (var line in lines)
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        var body = new byte[length];
        var already = Math.Min(length, filled - (headEnd + 4));
        buffer.AsSpan(headEnd + 4, already).CopyTo(body);
        var read = already;
        while (read < length)
        {
            var n = await socket.ReceiveAsync(body.AsMemory(read));
            if (n == 0)
            {
                return (null, string.Empty);
            }

            read += n;
        }

        return (lines[0], Encoding.UTF8.GetString(body));
    }
}
