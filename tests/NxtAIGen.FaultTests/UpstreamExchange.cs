using System.Net.Sockets;
using System.Text;

namespace NxtAIGen.FaultTests;

/// <summary>One request the <see cref="FaultyUpstream"/> accepted: its socket, what was asked, and how it ended.</summary>
public sealed class UpstreamExchange
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly TaskCompletionSource _peerClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal UpstreamExchange(Socket socket, string requestLine, string body, DateTimeOffset? arrivedAt)
    {
        ArrivedAt = arrivedAt;
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: false);
        RequestLine = requestLine;
        Body = body;
    }

    /// <summary>Gets the request line, for example <c>POST /v1/chat/completions HTTP/1.1</c>.</summary>
    public string RequestLine { get; }

    /// <summary>Gets when the request arrived, on <see cref="FaultyUpstream.Clock"/>.</summary>
    public DateTimeOffset? ArrivedAt { get; }

    /// <summary>Gets the request body.</summary>
    public string Body { get; }

    /// <summary>Gets a task that completes when the caller closed (or reset) its side of the connection.</summary>
    public Task PeerClosed => _peerClosed.Task;

    /// <summary>Gets a task that completes when the fake has closed the socket.</summary>
    public Task Ended => _ended.Task;

    /// <summary>Writes a status line and headers; the body then runs to the end of the connection.</summary>
    public Task WriteHeadersAsync(int status, string reason = "OK", string contentType = "text/event-stream", params string[] extraHeaders)
    {
        var head = new StringBuilder();
        head.Append("HTTP/1.1 ").Append(status).Append(' ').Append(reason).Append("\r\n");
        head.Append("Content-Type: ").Append(contentType).Append("\r\n");
        head.Append("Connection: close\r\n");
        foreach (var header in extraHeaders)
        {
            head.Append(header).Append("\r\n");
        }

        head.Append("\r\n");
        return WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
    }

    /// <summary>Writes a complete error answer (status, JSON body) with a length.</summary>
    public async Task WriteErrorAsync(int status, string reason, string json, params string[] extraHeaders)
    {
        var body = Encoding.UTF8.GetBytes(json);
        await WriteHeadersAsync(status, reason, "application/json", [.. extraHeaders, $"Content-Length: {body.Length}"]);
        await WriteAsync(body);
    }

    /// <summary>Writes one SSE event <c>data: {json}</c> and its blank line.</summary>
    public Task WriteEventAsync(string data) => WriteAsync(Encoding.UTF8.GetBytes("data: " + data + "\n\n"));

    /// <summary>Writes raw bytes and flushes them onto the wire.</summary>
    public async Task WriteAsync(ReadOnlyMemory<byte> bytes)
    {
        await _stream.WriteAsync(bytes);
        await _stream.FlushAsync();
    }

    /// <summary>Writes bytes one at a time, waiting <paramref name="interval"/> between them (a trickling upstream).</summary>
    public async Task TrickleAsync(ReadOnlyMemory<byte> bytes, TimeSpan interval)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            await WriteAsync(bytes.Slice(i, 1));
            await Task.Delay(interval);
        }
    }

    /// <summary>Waits until the caller closes the connection (the fake itself never does while waiting).</summary>
    public async Task WaitForPeerCloseAsync()
    {
        var buffer = new byte[256];
        try
        {
            while (await _stream.ReadAsync(buffer) > 0)
            {
            }
        }
        catch (IOException)
        {
            // A reset is a close too.
        }

        _peerClosed.TrySetResult();
    }

    /// <summary>Resets the connection: a TCP RST instead of an orderly close.</summary>
    public void Reset()
    {
        _socket.LingerState = new LingerOption(true, 0);
        Close();
    }

    internal void Close()
    {
        try
        {
            _stream.Dispose();
            _socket.Dispose();
        }
        finally
        {
            _ended.TrySetResult();
        }
    }

    internal void MarkPeerClosed() => _peerClosed.TrySetResult();
}
