using System.Net;
using NxtAIGen.Abstractions;
using NxtAIGen.Testing;

namespace NxtAIGen.Providers.Gemini.Tests;

public sealed class GeminiCancellationTests
{
    [Fact]
    public async Task StreamAsync_CancelledBetweenChunks_ThrowsOperationCanceledAndDisposesResponse()
    {
        var content = new PipeContent();
        var provider = TestProviders.Create(new StubHttpHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = content }));
        using var cts = new CancellationTokenSource();
        var stream = provider.StreamAsync(TestProviders.Hello(), cts.Token).GetAsyncEnumerator(cts.Token);
        await content.WriteAsync(SseBodies.FirstText);
        Assert.True(await stream.MoveNextAsync());
        Assert.Equal(ChatChunkKind.Metadata, stream.Current.Kind);
        Assert.True(await stream.MoveNextAsync());
        Assert.Equal("Hel", stream.Current.Text);

        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await stream.MoveNextAsync());
        Assert.True(content.IsDisposed);
        await stream.DisposeAsync();
    }

    [Fact]
    public async Task StreamAsync_TextIsForwardedBeforeTheNextEventArrives()
    {
        var content = new PipeContent();
        var provider = TestProviders.Create(new StubHttpHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = content }));
        await using var stream = provider.StreamAsync(TestProviders.Hello()).GetAsyncEnumerator();
        await content.WriteAsync(SseBodies.FirstText);

        Assert.True(await stream.MoveNextAsync());
        Assert.True(await stream.MoveNextAsync());
        Assert.Equal("Hel", stream.Current.Text);
        var waiting = stream.MoveNextAsync();
        Assert.False(waiting.IsCompleted);

        content.Complete();
        await Assert.ThrowsAsync<NxtAIGenProviderException>(async () => await waiting);
    }

    [Fact]
    public async Task StreamAsync_ConnectionResetMidStream_IsNetworkError()
    {
        var content = new PipeContent();
        var provider = TestProviders.Create(new StubHttpHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = content }));
        await using var stream = provider.StreamAsync(TestProviders.Hello()).GetAsyncEnumerator();
        await content.WriteAsync(SseBodies.FirstText);
        Assert.True(await stream.MoveNextAsync());
        Assert.True(await stream.MoveNextAsync());
        Assert.Equal("Hel", stream.Current.Text);

        content.Complete(new IOException("connection reset"));

        var error = await Assert.ThrowsAsync<NxtAIGenProviderException>(async () => await stream.MoveNextAsync());
        Assert.Equal(ProviderErrorKind.Network, error.Kind);
        Assert.True(content.IsDisposed);
    }

    [Fact]
    public async Task StreamAsync_CancelledBeforeStart_SendsNothing()
    {
        var handler = StubHttpHandler.ForBody("data: {}\r\n\r\n"u8.ToArray());
        var provider = TestProviders.Create(handler);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => StreamFolder.ReadAllAsync(provider.StreamAsync(TestProviders.Hello(), cts.Token), cts.Token));

        Assert.Equal(0, handler.Requests);
    }

    [Fact]
    public async Task StreamAsync_ConsumerStopsEarly_DisposesResponse()
    {
        var fixture = StreamFixture.Load("gemini/thought-summary");
        var handler = StubHttpHandler.ForBody(fixture.Body, Chunking.OneByte);
        var provider = TestProviders.Create(handler);
        await foreach (var chunk in provider.StreamAsync(TestProviders.Hello()))
        {
            if (chunk.Kind == ChatChunkKind.Reasoning)
            {
                break;
            }
        }

        Assert.True(((ChunkedContent)handler.LastResponse!.Content).IsDisposed);
    }
}
