namespace NxtAIGen.Testing;

/// <summary>A read-only stream over a body that returns at most the chunking's size per read, and records its disposal.</summary>
public sealed class ChunkedStream : Stream
{
    private readonly ReadOnlyMemory<byte> _body;
    private readonly Func<int, int, int> _sizer;
    private int _position;
    private int _reads;

    /// <summary>Creates the stream.</summary>
    /// <param name="body">The bytes to serve.</param>
    /// <param name="chunking">How to cut them.</param>
    public ChunkedStream(ReadOnlyMemory<byte> body, Chunking chunking)
    {
        ArgumentNullException.ThrowIfNull(chunking);
        _body = body;
        _sizer = chunking.CreateSizer();
    }

    /// <summary>Gets whether the stream was disposed.</summary>
    public bool IsDisposed { get; private set; }

    /// <summary>Gets how many reads returned data.</summary>
    public int Reads => _reads;

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        var remaining = _body.Length - _position;
        if (remaining == 0 || buffer.IsEmpty)
        {
            return 0;
        }

        var size = Math.Clamp(_sizer(_reads, remaining), 1, Math.Min(remaining, buffer.Length));
        _body.Span.Slice(_position, size).CopyTo(buffer);
        _position += size;
        _reads++;
        return size;
    }

    /// <inheritdoc />
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Read(buffer.Span));
    }

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        IsDisposed = true;
        base.Dispose(disposing);
    }
}
