using System.Buffers;
using System.IO.Pipelines;
using System.Net.ServerSentEvents;

namespace NxtAIGen.Benchmarks;

/// <summary>
/// The framing half of the hand-tuned baselines: fetch the body through <see cref="HttpClient"/> (the same in-memory
/// handler as every other benchmark), then split it with a <see cref="PipeReader"/> line reader, or with
/// <see cref="SseParser"/>, and hand each event's JSON to a <see cref="HandTunedTextExtractor"/>. The line reader
/// takes each <c>data:</c> line as one event (every vendor here sends one per event) and ignores <c>event:</c> lines,
/// so it allocates nothing but the text.
/// </summary>
internal static class HandTunedReaders
{
    private static readonly Uri Url = new("http://localhost/stream");

    /// <summary>Creates the client a baseline reads its body through.</summary>
    public static HttpClient CreateClient(byte[] body) => new(new InMemoryHandler(body));

    /// <summary>SSE with a <see cref="PipeReader"/> line reader; returns the total text length.</summary>
    public static async Task<int> ReadSseLinesAsync(HttpClient client, HandTunedTextExtractor extract)
    {
        using var response = await client.GetAsync(Url, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        return await ReadLinesAsync(stream, extract, sse: true).ConfigureAwait(false);
    }

    /// <summary>SSE with <see cref="SseParser"/> (it allocates each event's <c>event:</c> name); returns the total text length.</summary>
    public static async Task<int> ReadSseParserAsync(HttpClient client, HandTunedTextExtractor extract)
    {
        using var response = await client.GetAsync(Url, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        var length = 0;
        await foreach (var item in SseParser.Create(stream, (_, data) => extract(data)).EnumerateAsync().ConfigureAwait(false))
        {
            length += item.Data?.Length ?? 0;
        }

        return length;
    }

    /// <summary>NDJSON with a <see cref="PipeReader"/> line reader; returns the total text length.</summary>
    public static async Task<int> ReadNdjsonAsync(HttpClient client, HandTunedTextExtractor extract)
    {
        using var response = await client.GetAsync(Url, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        return await ReadLinesAsync(stream, extract, sse: false).ConfigureAwait(false);
    }

    private static async Task<int> ReadLinesAsync(Stream stream, HandTunedTextExtractor extract, bool sse)
    {
        var reader = PipeReader.Create(stream);
        var length = 0;
        while (true)
        {
            var result = await reader.ReadAsync().ConfigureAwait(false);
            var buffer = result.Buffer;
            length += ReadCompleteLines(ref buffer, extract, sse);
            if (result.IsCompleted)
            {
                if (!buffer.IsEmpty)
                {
                    length += ReadLine(buffer.ToArray(), extract, sse); // The last line, without its line end.
                }

                reader.AdvanceTo(buffer.End);
                break;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }

        await reader.CompleteAsync().ConfigureAwait(false);
        return length;
    }

    private static int ReadCompleteLines(ref ReadOnlySequence<byte> buffer, HandTunedTextExtractor extract, bool sse)
    {
        var lines = new SequenceReader<byte>(buffer);
        var length = 0;
        while (lines.TryReadTo(out ReadOnlySpan<byte> line, (byte)'\n'))
        {
            length += ReadLine(line, extract, sse);
        }

        buffer = buffer.Slice(lines.Position);
        return length;
    }

    private static int ReadLine(ReadOnlySpan<byte> line, HandTunedTextExtractor extract, bool sse)
    {
        if (!line.IsEmpty && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        if (sse)
        {
            if (!line.StartsWith("data:"u8))
            {
                return 0;
            }

            line = line[5..];
            if (!line.IsEmpty && line[0] == (byte)' ')
            {
                line = line[1..];
            }
        }

        return line.IsEmpty ? 0 : extract(line)?.Length ?? 0;
    }
}
