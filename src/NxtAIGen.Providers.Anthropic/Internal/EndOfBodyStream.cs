namespace NxtAIGen.Providers.Anthropic.Internal;

/// <summary>
/// A read-only view of a response body that adds one blank line (<c>\n\n</c>) after the body's last byte, so
/// that an event the body ends inside (a last line without its line end, or without the blank line after it, as
/// several Anthropic SDK recordings do) is still dispatched; <c>SseParser</c> drops such an event otherwise. Extra
/// blank lines after a complete event change nothing. Disposing it disposes the body.
/// </summary>
internal sealed class EndOfBodyStream(Stream inner) : Stream
{
    private static readonly byte[] Terminator = "\n\n"u8.ToArray();

    private int _terminatorSent = -1;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        if (_terminatorSent < 0)
        {
            var read = inner.Read(buffer);
            if (read > 0)
            {
                return read;
            }

            _terminatorSent = 0;
        }

        return CopyTerminator(buffer);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        if (_terminatorSent < 0)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (read > 0)
            {
                return read;
            }

            _terminatorSent = 0;
        }

        return CopyTerminator(buffer.Span);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    private int CopyTerminator(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, Terminator.Length - _terminatorSent);
        Terminator.AsSpan(_terminatorSent, count).CopyTo(buffer);
        _terminatorSent += count;
        return count;
    }
}
