using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace NxtAIGen.Testing;

/// <summary>
/// A body the test writes frame by frame while the provider reads it: for cancellation mid-stream and
/// "nothing waits for the next chunk" tests. Records its disposal.
/// </summary>
public sealed class PipeContent : HttpContent
{
    private readonly Pipe _pipe = new();

    /// <summary>Creates the content.</summary>
    /// <param name="mediaType">The content type; <c>text/event-stream</c> by default.</param>
    public PipeContent(string mediaType = "text/event-stream") => Headers.ContentType = new MediaTypeHeaderValue(mediaType);

    /// <summary>Gets whether the content was disposed (the provider disposed the response).</summary>
    public bool IsDisposed { get; private set; }

    /// <summary>Sends bytes to the reader.</summary>
    /// <param name="bytes">The bytes.</param>
    /// <returns>A task that completes when the bytes are flushed.</returns>
    public async Task WriteAsync(ReadOnlyMemory<byte> bytes) => await _pipe.Writer.WriteAsync(bytes);

    /// <summary>Sends UTF-8 text to the reader.</summary>
    /// <param name="text">The text, for example <c>"data: {...}\n\n"</c>.</param>
    /// <returns>A task that completes when the text is flushed.</returns>
    public Task WriteAsync(string text) => WriteAsync(Encoding.UTF8.GetBytes(text));

    /// <summary>Ends the body (the reader sees end of stream), or fails it with <paramref name="error"/>.</summary>
    /// <param name="error">The failure the reader should see, for example an <see cref="IOException"/>.</param>
    public void Complete(Exception? error = null) => _pipe.Writer.Complete(error);

    /// <inheritdoc />
    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult(_pipe.Reader.AsStream());

    /// <inheritdoc />
    protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) => CreateContentReadStreamAsync();

    /// <inheritdoc />
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => _pipe.Reader.CopyToAsync(stream);

    /// <inheritdoc />
    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (!IsDisposed)
        {
            IsDisposed = true;
            _pipe.Reader.Complete();
        }

        base.Dispose(disposing);
    }
}
