using System.Net;

namespace NxtAIGen.Benchmarks;

/// <summary>Answers every request with the same body from memory: no sockets, no request inspection.</summary>
internal sealed class InMemoryHandler(byte[] body) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body), RequestMessage = request });
}
