using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace NxtAIGen.LoadTest;

/// <summary>
/// Opens streams over one <see cref="SocketsHttpHandler"/> (no connection cap, no cookies: every gateway stream is a new
/// guest) and reads them as raw bytes: an SSE event with <c>"content":"</c> in it is a token (the gateway's
/// <c>content</c> event, the upstream's delta chunk, a peer's relay); the stream is complete on the gateway's
/// <c>done</c> event or a <c>[DONE]</c> line (at any line of the event: the gateway's events start with <c>id:</c>); an <c>error</c> event, a non-2xx status, a short stream or an exception is
/// an error.
/// </summary>
internal sealed class StreamClient : IDisposable
{
    private static readonly byte[] TokenMarker = "\"content\":\""u8.ToArray();
    private static readonly byte[] DoneEvent = "event: done"u8.ToArray();
    private static readonly byte[] DoneLine = "data: [DONE]"u8.ToArray();
    private static readonly byte[] ErrorEvent = "event: error"u8.ToArray();
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly HttpClient _http;

    public StreamClient()
    {
        _http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = int.MaxValue,
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(30),
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>Runs one stream. <paramref name="hangUpAfterFirstToken"/> drops it after its first token (a client leaving).</summary>
    public async Task<StreamResult> RunAsync(
        Target target, string model, int expectedTokens, bool keepGaps, bool hangUpAfterFirstToken, Action? onFirstToken, CancellationToken cancellationToken)
    {
        var result = new StreamResult { Gaps = keepGaps ? new List<float>(expectedTokens) : null };
        var start = Stopwatch.GetTimestamp();
        var previous = start;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, target.Url)
            {
                Content = new ByteArrayContent(target.Body(model)) { Headers = { ContentType = Json } },
                Version = HttpVersion.Version11,
            };
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                result.Error = $"HTTP {(int)response.StatusCode}";
                return result;
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[8192];
            var filled = 0;
            while (true)
            {
                if (filled == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                var read = await body.ReadAsync(buffer.AsMemory(filled), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                var now = Stopwatch.GetTimestamp();
                filled += read;
                var consumed = 0;
                while (true)
                {
                    var span = buffer.AsSpan(consumed, filled - consumed);
                    var end = span.IndexOf("\n\n"u8);
                    if (end < 0)
                    {
                        break;
                    }

                    var evt = span[..end];
                    consumed += end + 2;
                    if (evt.IndexOf(TokenMarker) >= 0)
                    {
                        result.Tokens++;
                        if (result.Tokens == 1)
                        {
                            result.FirstTokenMs = Stopwatch.GetElapsedTime(start, now).TotalMilliseconds;
                            onFirstToken?.Invoke();
                            if (hangUpAfterFirstToken)
                            {
                                result.HungUp = true;
                                return result;
                            }
                        }
                        else
                        {
                            result.Gaps?.Add((float)Stopwatch.GetElapsedTime(previous, now).TotalMilliseconds);
                        }

                        previous = now;
                        result.LastTokenMs = Stopwatch.GetElapsedTime(start, now).TotalMilliseconds;
                    }
                    else if (HasLine(evt, DoneEvent) || HasLine(evt, DoneLine))
                    {
                        result.Completed = true;
                    }
                    else if (HasLine(evt, ErrorEvent))
                    {
                        result.Error = "error event: " + System.Text.Encoding.UTF8.GetString(evt);
                    }
                }

                if (consumed > 0)
                {
                    buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                    filled -= consumed;
                }
            }

            if (result.Error is null && (!result.Completed || result.Tokens != expectedTokens))
            {
                result.Error = result.Completed ? $"{result.Tokens} of {expectedTokens} tokens" : "stream ended without its end marker";
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            result.HungUp = true;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            result.Error = ex.GetType().Name + ": " + ex.Message;
        }

        return result;
    }

    public void Dispose() => _http.Dispose();

    /// <summary>True when a line of the event starts with <paramref name="line"/> (the gateway puts <c>id:</c> first).</summary>
    private static bool HasLine(ReadOnlySpan<byte> evt, ReadOnlySpan<byte> line)
    {
        while (true)
        {
            if (evt.StartsWith(line))
            {
                return true;
            }

            var next = evt.IndexOf((byte)'\n');
            if (next < 0)
            {
                return false;
            }

            evt = evt[(next + 1)..];
        }
    }
}
