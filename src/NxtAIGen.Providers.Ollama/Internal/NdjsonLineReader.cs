using System.Buffers;

namespace NxtAIGen.Providers.Ollama.Internal;

/// <summary>
/// Reads the lines of an NDJSON body from a stream into one pooled buffer: a line may arrive across many reads (and a
/// multi-byte UTF-8 character with it), since bytes are only handed out once the whole line is there. Lines end at
/// LF, CRLF or CR; empty lines are skipped. A last line without a line end is returned at the end of the body.
/// </summary>
internal sealed class NdjsonLineReader : IDisposable
{
    /// <summary>The longest line accepted (a line is one JSON object; chat lines are small).</summary>
    public const int MaxLineBytes = 16 * 1024 * 1024;

    private const int InitialBufferSize = 4096;

    private readonly Stream _stream;
    private byte[] _buffer;
    private int _start;
    private int _scanned;
    private int _end;
    private bool _endOfStream;

    public NdjsonLineReader(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
    }

    /// <summary>Gets the current line, without its line end; valid until the next call of <see cref="ReadLineAsync"/>.</summary>
    public ReadOnlyMemory<byte> Current { get; private set; }

    /// <summary>Gets whether the current line was the last bytes of the body and had no line end.</summary>
    public bool CurrentIsUnterminated { get; private set; }

    /// <summary>Reads the next non-empty line.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns><see langword="false"/> at the end of the body.</returns>
    /// <exception cref="InvalidDataException">A line is longer than <see cref="MaxLineBytes"/>.</exception>
    public async ValueTask<bool> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var terminator = _buffer.AsSpan(_scanned, _end - _scanned).IndexOfAny((byte)'\n', (byte)'\r');
            if (terminator >= 0)
            {
                var lineEnd = _scanned + terminator;
                var line = _buffer.AsMemory(_start, lineEnd - _start);
                _start = _scanned = lineEnd + 1;
                if (!line.IsEmpty)
                {
                    Current = line;
                    CurrentIsUnterminated = false;
                    return true;
                }

                continue;
            }

            _scanned = _end;
            if (_endOfStream)
            {
                if (_start < _end)
                {
                    Current = _buffer.AsMemory(_start, _end - _start);
                    CurrentIsUnterminated = true;
                    _start = _scanned = _end;
                    return true;
                }

                Current = default;
                return false;
            }

            MakeRoom();
            var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                _endOfStream = true;
            }
            else
            {
                _end += read;
            }
        }
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _start = _scanned = _end = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Moves the unfinished line to the front of the buffer, growing it when the line fills it.</summary>
    private void MakeRoom()
    {
        ObjectDisposedException.ThrowIf(_buffer.Length == 0, this);
        var pending = _end - _start;
        if (_start > 0)
        {
            _buffer.AsSpan(_start, pending).CopyTo(_buffer);
            _scanned -= _start;
            _start = 0;
            _end = pending;
        }

        if (_end < _buffer.Length)
        {
            return;
        }

        if (_buffer.Length >= MaxLineBytes)
        {
            throw new InvalidDataException($"An NDJSON line is longer than {MaxLineBytes} bytes.");
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Min(_buffer.Length * 2, MaxLineBytes));
        _buffer.AsSpan(0, _end).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
