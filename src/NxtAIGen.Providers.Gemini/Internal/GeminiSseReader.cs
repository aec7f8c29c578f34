using System.Buffers;
using System.Text.Json;

namespace NxtAIGen.Providers.Gemini.Internal;

/// <summary>
/// Reads a Gemini <c>alt=sse</c> body line by line over a pooled buffer, following the WHATWG event-stream rules
/// (CR, LF or CRLF line ends; comments; <c>data:</c> lines joined with <c>\n</c>; an event dispatched at a blank line
/// or at the end of the body). Unlike <c>SseParser</c> it keeps lines that are not SSE at all: Google appends a
/// pretty-printed JSON error object without any <c>data:</c> prefix when a stream fails, and that object is returned
/// as a <see cref="GeminiSseRecordKind.Raw"/> record once it is complete.
/// </summary>
internal sealed class GeminiSseReader : IDisposable
{
    private const int InitialBufferSize = 16 * 1024;
    private const int MaxLineLength = 16 * 1024 * 1024;
    private const int MaxRawLength = 1024 * 1024;

    private readonly Stream _stream;
    private readonly ArrayBufferWriter<byte> _data = new(4096);
    private readonly ArrayBufferWriter<byte> _raw = new(256);
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;
    private bool _skipLf;
    private bool _hasData;

    public GeminiSseReader(Stream stream)
    {
        _stream = stream;
        _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
    }

    /// <summary>Reads the next record: an event's data, a raw JSON value, or the end of the body.</summary>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The record; its payload is valid until the next call. At the end of the body, a raw value that is still
    /// open is returned as it is (the caller finds it is not valid JSON).</returns>
    public async ValueTask<GeminiSseRecord> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TryTakeLine(out var lineStart, out var lineLength))
            {
                if (HandleLine(_buffer.AsSpan(lineStart, lineLength), out var record))
                {
                    return record;
                }

                continue;
            }

            if (!_eof)
            {
                await FillAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (_end > _start)
            {
                // The last line has no line end: it ends with the body.
                var last = _buffer.AsSpan(_start, _end - _start);
                _start = _end;
                if (HandleLine(last, out var record))
                {
                    return record;
                }

                continue;
            }

            if (_hasData)
            {
                // The body stopped while an event had data: dispatch it, as every official SDK does.
                _hasData = false;
                return new GeminiSseRecord(GeminiSseRecordKind.Event, _data.WrittenMemory);
            }

            if (_raw.WrittenCount > 0)
            {
                var raw = _raw.WrittenMemory.ToArray();
                _raw.ResetWrittenCount();
                return new GeminiSseRecord(GeminiSseRecordKind.Raw, raw);
            }

            return default;
        }
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private bool TryTakeLine(out int lineStart, out int lineLength)
    {
        if (_skipLf && _start < _end)
        {
            if (_buffer[_start] == (byte)'\n')
            {
                _start++;
            }

            _skipLf = false;
        }

        var span = _buffer.AsSpan(_start, _end - _start);
        var index = span.IndexOfAny((byte)'\r', (byte)'\n');
        if (index < 0)
        {
            lineStart = lineLength = 0;
            return false;
        }

        lineStart = _start;
        lineLength = index;
        _start += index + 1;
        if (span[index] == (byte)'\r')
        {
            _skipLf = true;
        }

        return true;
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            var remaining = _end - _start;
            if (remaining > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, remaining);
            }

            _start = 0;
            _end = remaining;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= MaxLineLength)
            {
                throw new InvalidDataException("An SSE line is longer than 16 MiB.");
            }

            var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            Buffer.BlockCopy(_buffer, 0, larger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
    }

    private bool HandleLine(ReadOnlySpan<byte> line, out GeminiSseRecord record)
    {
        record = default;
        if (_raw.WrittenCount > 0)
        {
            return AppendRaw(line, out record);
        }

        if (line.IsEmpty)
        {
            if (!_hasData)
            {
                return false;
            }

            _hasData = false;
            record = new GeminiSseRecord(GeminiSseRecordKind.Event, _data.WrittenMemory);
            return true;
        }

        if (line[0] == (byte)':')
        {
            return false; // A comment.
        }

        var colon = line.IndexOf((byte)':');
        var name = colon < 0 ? line : line[..colon];
        if (name.SequenceEqual("data"u8))
        {
            var value = colon < 0 ? [] : line[(colon + 1)..];
            if (!value.IsEmpty && value[0] == (byte)' ')
            {
                value = value[1..];
            }

            if (!_hasData)
            {
                _data.ResetWrittenCount();
                _hasData = true;
            }
            else
            {
                _data.Write("\n"u8);
            }

            _data.Write(value);
            return false;
        }

        if (name.SequenceEqual("event"u8) || name.SequenceEqual("id"u8) || name.SequenceEqual("retry"u8))
        {
            return false;
        }

        // Not SSE: the start of a raw JSON value (Google's mid-stream error object).
        return AppendRaw(line, out record);
    }

    private bool AppendRaw(ReadOnlySpan<byte> line, out GeminiSseRecord record)
    {
        record = default;
        if (_raw.WrittenCount + line.Length > MaxRawLength)
        {
            throw new InvalidDataException("The stream contains more than 1 MiB of text that is not SSE.");
        }

        if (_raw.WrittenCount > 0)
        {
            _raw.Write("\n"u8);
        }
        else if (line.IsEmpty)
        {
            return false;
        }

        _raw.Write(line);
        var trimmed = line.TrimEnd(" \t"u8);
        if (trimmed.IsEmpty || (trimmed[^1] != (byte)'}' && trimmed[^1] != (byte)']') || !IsCompleteJson(_raw.WrittenSpan))
        {
            return false;
        }

        record = new GeminiSseRecord(GeminiSseRecordKind.Raw, _raw.WrittenMemory.ToArray());
        _raw.ResetWrittenCount();
        return true;
    }

    private static bool IsCompleteJson(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, isFinalBlock: true, state: default);
        try
        {
            return reader.Read() && reader.TrySkip() && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
