using System.Net;
using System.Net.Http.Headers;

namespace NxtAIGen.PropertyTests;

/// <summary>A response body served through a <see cref="PiecesStream"/>.</summary>
internal sealed class PiecesContent : HttpContent
{
    private readonly byte[] _body;
    private readonly IReadOnlyList<int> _pieces;

    public PiecesContent(byte[] body, IReadOnlyList<int> pieces, string mediaType)
    {
        _body = body;
        _pieces = pieces;
        Headers.ContentType = new MediaTypeHeaderValue(mediaType);
    }

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new PiecesStream(_body, _pieces));

    protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) => CreateContentReadStreamAsync();

    protected override Stream CreateContentReadStream(CancellationToken cancellationToken) => new PiecesStream(_body, _pieces);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_body).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
