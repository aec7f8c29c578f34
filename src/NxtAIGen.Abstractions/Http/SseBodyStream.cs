namespace NxtAIGen.Abstractions;

/// <summary>
/// A read-only view of a Server-Sent Events response body that adds one blank line (<c>\n\n</c>) after the body's
/// last byte, so that an event the body ends inside (a last line without its line end, or without the blank line
/// after it, as several providers' bodies do and every official SDK accepts) is still dispatched;
/// <see cref="System.Net.ServerSentEvents.SseParser"/> drops such an event otherwise. Extra blank lines after a
/// complete event change nothing. Wrap a provider's body in it before <c>SseParser.Create</c>. Disposing it disposes
/// the body.
/// </summary>
/// <param name="inner">The response body.</param>
public sealed class SseBodyStream(Stream inner) : Stream
{
    private static readonly byte[] Terminator = "\n\n"u8.ToArray();

    private int _terminatorSent = -1;

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

    /// <inheritdoc />
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
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <inheritdoc />
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
