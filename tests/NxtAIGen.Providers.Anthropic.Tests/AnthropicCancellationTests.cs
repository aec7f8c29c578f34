using System.Net;
using NxtAIGen.Abstractions;
using NxtAIGen.Testing;

namespace NxtAIGen.Providers.Anthropic.Tests;

public sealed class AnthropicCancellationTests
{
    [Fact]
    public async Task StreamAsync_CancelledWhileWaitingForData_ThrowsOperationCanceledAndDisposesResponse()
    {
        var content = new PipeContent();
        var provider = TestProviders.Create(new StubHttpHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = content }));
        using var cts = new CancellationTokenSource();
        var stream = provider.StreamAsync(TestProviders.Hello(), cts.Token).GetAsyncEnumerator(cts.Token);
        await content.WriteAsync(SseBodies.FirstText);
        Assert.True(await stream.MoveNextAsync());
        Assert.True(await stream.MoveNextAsync());
        Assert.Equal("Hel", stream.Current.Text);

        var waiting = stream.MoveNextAsync();
        Assert.False(waiting.IsCompleted);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await waiting);
        Assert.True(content.IsDisposed);
        await stream.DisposeAsync();
    }

    [Fact]
    public async Task StreamAsync_CancelledBeforeStart_SendsNothing()
    {
        var handler = StubHttpHandler.ForBody("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n"u8.ToArray());
        var provider = TestProviders.Create(handler);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => StreamFolder.ReadAllAsync(provider.StreamAsync(TestProviders.Hello(), cts.Token)));

        Assert.Equal(0, handler.Requests);
    }

    [Fact]
    public async Task StreamAsync_ConsumerStopsEarly_DisposesResponse()
    {
        var fixture = StreamFixture.Load("anthropic/text-recorded");
        var handler = StubHttpHandler.ForBody(fixture.Body, Chunking.OneByte);
        var provider = TestProviders.Create(handler);
        await foreach (var chunk in provider.StreamAsync(TestProviders.Hello()))
        {
            if (chunk.Kind == ChatChunkKind.Text)
            {
                break;
            }
        }

        Assert.True(((ChunkedContent)handler.LastResponse!.Content).IsDisposed);
    }
}
