using System.Net;
using System.Net.Http.Headers;

namespace NxtAIGen.Testing;

/// <summary>An <see cref="HttpContent"/> that serves a body through a <see cref="ChunkedStream"/>, as a socket would: a few bytes per read.</summary>
public sealed class ChunkedContent : HttpContent
{
    private readonly ReadOnlyMemory<byte> _body;
    private readonly Chunking _chunking;
    private ChunkedStream? _stream;

    /// <summary>Creates the content.</summary>
    /// <param name="body">The body.</param>
    /// <param name="chunking">How to cut it; <see cref="Chunking.Whole"/> when <see langword="null"/>.</param>
    /// <param name="mediaType">The content type; <c>text/event-stream</c> by default.</param>
    public ChunkedContent(ReadOnlyMemory<byte> body, Chunking? chunking = null, string mediaType = "text/event-stream")
    {
        _body = body;
        _chunking = chunking ?? Chunking.Whole;
        Headers.ContentType = new MediaTypeHeaderValue(mediaType);
    }

    /// <summary>Gets whether the content was disposed (the provider disposed the response).</summary>
    public bool IsDisposed { get; private set; }

    /// <summary>Gets the stream handed out, once read.</summary>
    public ChunkedStream? Stream => _stream;

    /// <inheritdoc />
    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(_stream = new ChunkedStream(_body, _chunking));

    /// <inheritdoc />
    protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) => CreateContentReadStreamAsync();

    /// <inheritdoc />
    protected override Stream CreateContentReadStream(CancellationToken cancellationToken) => _stream = new ChunkedStream(_body, _chunking);

    /// <inheritdoc />
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_body).AsTask();

    /// <inheritdoc />
    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        IsDisposed = true;
        _stream?.Dispose();
        base.Dispose(disposing);
    }
}
