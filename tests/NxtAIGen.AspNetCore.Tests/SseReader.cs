using System.Text;

namespace NxtAIGen.AspNetCore.Tests;

/// <summary>Reads raw SSE frames (including comments, which SseParser hides) from a response body, with a deadline.</summary>
public sealed class SseReader : IAsyncDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);
    private readonly StreamReader _reader;

    public SseReader(Stream stream) => _reader = new StreamReader(stream, Encoding.UTF8);

    /// <summary>Reads the next frame, or null at the end of the body.</summary>
    public async Task<SseFrame?> NextAsync()
    {
        using var timeout = new CancellationTokenSource(Deadline);
        string? eventName = null;
        string? data = null;
        string? comment = null;
        string? id = null;
        while (true)
        {
            var line = await _reader.ReadLineAsync(timeout.Token);
            if (line is null)
            {
                return eventName is null && data is null && comment is null ? null : new SseFrame(eventName, data, comment) { Id = id };
            }

            if (line.Length == 0)
            {
                if (eventName is null && data is null && comment is null)
                {
                    continue;
                }

                return new SseFrame(eventName, data, comment) { Id = id };
            }

            if (line.StartsWith(':'))
            {
                comment = line[1..].TrimStart();
            }
            else if (line.StartsWith("id:", StringComparison.Ordinal))
            {
                id = line[3..].TrimStart();
            }
            else if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                eventName = line[6..].TrimStart();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data = data is null ? line[5..].TrimStart() : data + "\n" + line[5..].TrimStart();
            }
        }
    }

    /// <summary>Reads the next frame that is not a heartbeat.</summary>
    public async Task<SseFrame?> NextEventAsync()
    {
        while (true)
        {
            var frame = await NextAsync();
            if (frame is null || !frame.IsPing)
            {
                return frame;
            }
        }
    }

    /// <summary>Reads every remaining frame (heartbeats included) until the body ends.</summary>
    public async Task<List<SseFrame>> ReadToEndAsync()
    {
        var frames = new List<SseFrame>();
        while (await NextAsync() is { } frame)
        {
            frames.Add(frame);
        }

        return frames;
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        return ValueTask.CompletedTask;
    }
}
