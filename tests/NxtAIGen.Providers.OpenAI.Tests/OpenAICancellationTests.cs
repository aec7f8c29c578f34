using System.Net;
using NxtAIGen.Abstractions;
using NxtAIGen.Testing;

namespace NxtAIGen.Providers.OpenAI.Tests;

public sealed class OpenAICancellationTests
{
    [Fact]
    public async Task StreamAsync_CancelledBetweenChunks_ThrowsOperationCanceledAndDisposesResponse()
    {
        var content = new PipeContent();
        var provider = TestProviders.Create("openai", new StubHttpHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = content }));
        using var cts = new CancellationTokenSource();
        var stream = provider.StreamAsync(TestProviders.Hello(), cts.Token).GetAsyncEnumerator(cts.Token);
        await content.WriteAsync(SseBodies.FirstText);
        Assert.True(await stream.MoveNextAsync());
        Assert.Equal(ChatChunkKind.Metadata, stream.Current.Kind);
        Assert.True(await stream.MoveNextAsync());
        Assert.Equal("Hel", stream.Current.Text);

        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await stream.MoveNextAsync());
        Assert.True(content.IsDisposed);
        await stream.DisposeAsync();
    }

    [Fact]
    public async Task StreamAsync_CancelledWhileWaitingForData_ThrowsOperationCanceledAndDisposesResponse()
    {
        var content = new PipeContent();
        var provider = TestProviders.Create("openai", new StubHttpHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = content }));
        using var cts = new CancellationTokenSource();
        var stream = provider.StreamAsync(TestProviders.Hello(), cts.Token).GetAsyncEnumerator(cts.Token);
        await content.WriteAsync(SseBodies.FirstText);
        Assert.True(await stream.MoveNextAsync());
        Assert.True(await stream.MoveNextAsync());

        var waiting = stream.MoveNextAsync();
        Assert.False(waiting.IsCompleted);
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await waiting);
        Assert.True(content.IsDisposed);
        await stream.DisposeAsync();
    }

    [Fact]
    public async Task StreamAsync_CancelledBeforeStart_SendsNothing()
    {
        var handler = StubHttpHandler.ForBody("data: [DONE]\n\n"u8.ToArray());
        var provider = TestProviders.Create("openai", handler);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in provider.StreamAsync(TestProviders.Hello(), cts.Token))
            {
            }
        });
        Assert.Equal(0, handler.Requests);
    }

    [Fact]
    public async Task StreamAsync_ConsumerStopsEarly_DisposesResponse()
    {
        var fixture = StreamFixture.Load("openai/text-usage-chunk");
        var handler = StubHttpHandler.ForBody(fixture.Body, Chunking.OneByte);
        var provider = TestProviders.Create("openai", handler);
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
