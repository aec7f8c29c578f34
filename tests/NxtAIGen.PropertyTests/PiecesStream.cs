namespace NxtAIGen.PropertyTests;

/// <summary>A read-only stream whose reads return the given pieces of a body, in order (a piece larger than the reader's buffer is served over several reads).</summary>
internal sealed class PiecesStream(byte[] body, IReadOnlyList<int> pieces) : Stream
{
    private int _position;
    private int _piece;
    private int _pieceLeft = pieces.Count > 0 ? pieces[0] : body.Length;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var remaining = body.Length - _position;
        if (remaining == 0 || buffer.IsEmpty)
        {
            return 0;
        }

        while (_pieceLeft == 0)
        {
            _piece++;
            _pieceLeft = _piece < pieces.Count ? pieces[_piece] : remaining;
        }

        var size = Math.Min(Math.Min(_pieceLeft, remaining), buffer.Length);
        body.AsSpan(_position, size).CopyTo(buffer);
        _position += size;
        _pieceLeft -= size;
        return size;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Read(buffer.Span));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
