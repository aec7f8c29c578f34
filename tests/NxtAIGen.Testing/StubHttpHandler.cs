using System.Net;

namespace NxtAIGen.Testing;

/// <summary>
/// An in-memory <see cref="HttpMessageHandler"/> (no sockets): answers every request with a response the test
/// builds, and keeps the last request, its body and the last response for assertions.
/// </summary>
public sealed class StubHttpHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, HttpResponseMessage> _respond;

    /// <summary>Creates the handler.</summary>
    /// <param name="respond">Builds the response for a request.</param>
    public StubHttpHandler(Func<HttpRequestMessage, HttpResponseMessage> respond)
    {
        ArgumentNullException.ThrowIfNull(respond);
        _respond = respond;
    }

    /// <summary>Gets the last request.</summary>
    public HttpRequestMessage? LastRequest { get; private set; }

    /// <summary>Gets the last request's body.</summary>
    public byte[]? LastRequestBody { get; private set; }

    /// <summary>Gets the last response.</summary>
    public HttpResponseMessage? LastResponse { get; private set; }

    /// <summary>Gets how many requests were sent.</summary>
    public int Requests { get; private set; }

    /// <summary>Creates a handler that answers 200 with <paramref name="body"/>, cut by <paramref name="chunking"/>.</summary>
    /// <param name="body">The body.</param>
    /// <param name="chunking">How to cut it.</param>
    /// <param name="mediaType">The content type.</param>
    /// <returns>The handler.</returns>
    public static StubHttpHandler ForBody(ReadOnlyMemory<byte> body, Chunking? chunking = null, string mediaType = "text/event-stream") =>
        new(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ChunkedContent(body, chunking, mediaType) });

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Requests++;
        LastRequest = request;
        LastRequestBody = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var response = _respond(request);
        response.RequestMessage ??= request;
        LastResponse = response;
        return response;
    }
}
