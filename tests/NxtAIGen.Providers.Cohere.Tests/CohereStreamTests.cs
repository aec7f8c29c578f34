using System.Net;
using System.Text;
using NxtAIGen.Abstractions;
using NxtAIGen.Testing;

namespace NxtAIGen.Providers.Cohere.Tests;

/// <summary>The v2 event quirks: thinking blocks, tool plan, tool-call assembly, citations, message-end reasons, errors.</summary>
public sealed class CohereStreamTests
{
    [Fact]
    public async Task StreamAsync_Text_MetadataTextUsageThenFinishLast()
    {
        var result = await RunAsync(SseBodies.Ok);

        Assert.Null(result.Error);
        Assert.Collection(
            result.Chunks,
            c => Assert.Equal("msg-1", c.Metadata?.ResponseId),
            c => Assert.Equal("Hel", c.Text),
            c => Assert.Equal(new ChatUsage { InputTokens = 30, OutputTokens = 2, CachedInputTokens = 16 }, c.Usage),
            c => Assert.Equal(ChatFinishReason.Stop, c.FinishReason));
        Assert.Equal("COMPLETE", result.FinishReason);
    }

    [Theory]
    [InlineData("COMPLETE", ChatFinishReason.Stop)]
    [InlineData("STOP_SEQUENCE", ChatFinishReason.Stop)]
    [InlineData("MAX_TOKENS", ChatFinishReason.Length)]
    [InlineData("TOOL_CALL", ChatFinishReason.ToolCalls)]
    [InlineData("SOMETHING_NEW", ChatFinishReason.Other)]
    public async Task StreamAsync_FinishReason_IsMapped(string raw, ChatFinishReason expected)
    {
        var result = await RunAsync(SseBodies.FirstText + SseBodies.MessageEnd(raw));

        Assert.Null(result.Error);
        Assert.Equal(expected, result.UnifiedFinishReason);
        Assert.Equal(raw, result.FinishReason);
        Assert.Null(result.Usage);
    }

    [Fact]
    public async Task StreamAsync_FinishReasonError_IsStreamErrorWithItsMessage()
    {
        var result = await RunAsync(SseBodies.FirstText + SseBodies.MessageEnd("ERROR", ",\"error\":\"internal failure, key " + TestProviders.ApiKey + "\""));

        Assert.Equal("Hel", result.Text);
        var error = result.ProviderError!;
        Assert.Equal(ProviderErrorKind.Server, error.Kind);
        Assert.Equal("ERROR", error.ProviderCode);
        Assert.Contains("internal failure", error.ProviderMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(TestProviders.ApiKey, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, result.FinishCount);
    }

    [Fact]
    public async Task StreamAsync_FinishReasonTimeout_IsTimeoutError()
    {
        var result = await RunAsync(SseBodies.FirstText + SseBodies.MessageEnd("TIMEOUT"));

        Assert.Equal(ProviderErrorKind.Timeout, result.ProviderError?.Kind);
    }

    [Fact]
    public async Task StreamAsync_ErrorEvent_IsStreamError()
    {
        var result = await RunAsync(SseBodies.FirstText + "event: error\ndata: {\"message\":\"too many tokens\"}\n\n");

        Assert.Equal("too many tokens", result.ProviderError?.ProviderMessage);
        Assert.NotEqual(ProviderErrorKind.Incomplete, result.ProviderError?.Kind);
    }

    [Fact]
    public async Task StreamAsync_ThinkingBlock_IsReasoningUnlessExcluded()
    {
        var fixture = StreamFixture.Load("cohere/thinking");
        var shown = await RunAsync(Encoding.UTF8.GetString(fixture.Body));
        var hidden = await RunAsync(Encoding.UTF8.GetString(fixture.Body), new ChatRequest { Messages = [ChatMessage.User("?")], Reasoning = new ChatReasoningOptions { IncludeReasoning = false } });

        Assert.Equal(fixture.Expected.Reasoning, shown.Reasoning);
        Assert.Empty(hidden.Reasoning);
        Assert.Equal(fixture.Expected.Text, hidden.Text);
    }

    [Fact]
    public async Task StreamAsync_ToolPlanAndCalls_CallsEmittedWholeAtToolCallEndAndPlanNotText()
    {
        var fixture = StreamFixture.Load("cohere/tool-calls-tool-plan");
        var result = await RunAsync(Encoding.UTF8.GetString(fixture.Body));

        Assert.Empty(result.Text);
        Assert.Empty(result.Reasoning);
        Assert.Equal(
            [new ChatToolCall("weather_e8p4pn45zt0t", "weather", "{\"location\": \"San Francisco\"}"), new ChatToolCall("cityAttractions_pyxssbwnq9fq", "cityAttractions", "{\"city\": \"San Francisco\"}")],
            result.ToolCalls);
        Assert.Equal(ChatFinishReason.ToolCalls, result.UnifiedFinishReason);
        Assert.Equal(new ChatUsage { InputTokens = 1549, OutputTokens = 95, CachedInputTokens = 1504 }, result.Usage);
    }

    [Fact]
    public async Task StreamAsync_ToolCallWithoutEnd_IsFlushedAtMessageEnd()
    {
        var body = SseBodies.Start +
            "event: tool-call-start\ndata: {\"type\":\"tool-call-start\",\"index\":0,\"delta\":{\"message\":{\"tool_calls\":{\"id\":\"t_1\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"\"}}}}}\n\n" +
            "event: tool-call-delta\ndata: {\"type\":\"tool-call-delta\",\"index\":0,\"delta\":{\"message\":{\"tool_calls\":{\"function\":{\"arguments\":\"{\\\"x\\\":1}\"}}}}}\n\n" +
            SseBodies.MessageEnd("TOOL_CALL");

        var result = await RunAsync(body);

        Assert.Equal(new ChatToolCall("t_1", "f", "{\"x\":1}"), Assert.Single(result.ToolCalls));
        Assert.Equal(ChatChunkKind.Finish, result.Chunks[^1].Kind);
    }

    [Fact]
    public async Task StreamAsync_Citations_AreMetadataWithSourceUrlsOrIds()
    {
        var body = SseBodies.FirstText +
            "event: citation-start\ndata: {\"type\":\"citation-start\",\"index\":0,\"delta\":{\"message\":{\"citations\":{\"start\":0,\"end\":3,\"text\":\"Hel\",\"sources\":[{\"type\":\"document\",\"id\":\"doc:0\",\"document\":{\"id\":\"doc:0\",\"url\":\"https://example.com/a\",\"text\":\"...\"}},{\"type\":\"tool\",\"id\":\"get_weather_1:0\",\"tool_output\":{\"temp\":21}}],\"type\":\"TEXT_CONTENT\"}}}}\n\n" +
            "event: citation-end\ndata: {\"type\":\"citation-end\",\"index\":0}\n\n" +
            "event: citation-start\ndata: {\"type\":\"citation-start\",\"index\":1,\"delta\":{\"message\":{\"citations\":{\"start\":0,\"end\":3,\"text\":\"Hel\",\"sources\":[{\"type\":\"document\",\"id\":\"doc:0\",\"document\":{\"id\":\"doc:0\",\"url\":\"https://example.com/a\"}}]}}}}\n\n" +
            "event: citation-end\ndata: {\"type\":\"citation-end\",\"index\":1}\n\n" +
            SseBodies.End;

        var result = await RunAsync(body);

        Assert.Null(result.Error);
        var citations = Assert.Single(result.Metadata, m => m.Citations is not null);
        Assert.Equal(["https://example.com/a", "get_weather_1:0"], citations.Citations);
    }

    [Theory]
    [InlineData("")]
    [InlineData(SseBodies.Start)]
    [InlineData(SseBodies.FirstText)]
    [InlineData(SseBodies.FirstText + "event: content-end\ndata: {\"type\":\"content-end\",\"index\":0}\n\nevent: message-end\ndata: {\"type\":\"message-end\",\"delta\":{\"finish_re")]
    public async Task StreamAsync_BodyWithoutMessageEnd_ThrowsIncomplete(string body)
    {
        var result = await RunAsync(body);

        Assert.Equal(ProviderErrorKind.Incomplete, result.ProviderError?.Kind);
        Assert.Equal(0, result.FinishCount);
    }

    [Fact]
    public async Task StreamAsync_InvalidJsonFollowedByMoreEvents_ThrowsServerError()
    {
        var result = await RunAsync("event: content-delta\ndata: {nope}\n\n" + SseBodies.Ok);

        Assert.Equal(ProviderErrorKind.Server, result.ProviderError?.Kind);
    }

    [Fact]
    public async Task StreamAsync_EventsAfterMessageEnd_AreNotRead()
    {
        var result = await RunAsync(SseBodies.Ok + "event: content-delta\ndata: {\"type\":\"content-delta\",\"index\":0,\"delta\":{\"message\":{\"content\":{\"text\":\"late\"}}}}\n\n");

        Assert.Equal("Hel", result.Text);
    }

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
    public async Task StreamAsync_ConnectionResetMidStream_ThrowsNetwork()
    {
        var content = new PipeContent();
        var provider = TestProviders.Create(new StubHttpHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = content }));
        var stream = provider.StreamAsync(TestProviders.Hello()).GetAsyncEnumerator();
        await content.WriteAsync(SseBodies.FirstText);
        Assert.True(await stream.MoveNextAsync());
        Assert.True(await stream.MoveNextAsync());

        content.Complete(new IOException("connection reset"));
        var error = await Assert.ThrowsAsync<NxtAIGenProviderException>(async () => await stream.MoveNextAsync());
        Assert.Equal(ProviderErrorKind.Network, error.Kind);
        Assert.True(content.IsDisposed);
        await stream.DisposeAsync();
    }

    [Fact]
    public async Task StreamAsync_HttpErrorWithCohereBody_MapsKindAndMasksKey()
    {
        var content = new ChunkedContent(Encoding.UTF8.GetBytes("{\"id\":\"x\",\"message\":\"invalid api token " + TestProviders.ApiKey + "\"}"), mediaType: "application/json");
        var provider = TestProviders.Create(new StubHttpHandler(_ => new HttpResponseMessage(HttpStatusCode.Unauthorized) { Content = content }));

        var error = await Assert.ThrowsAsync<NxtAIGenProviderException>(() => StreamFolder.ReadAllAsync(provider.StreamAsync(TestProviders.Hello())));

        Assert.Equal(ProviderErrorKind.Authentication, error.Kind);
        Assert.Equal("invalid api token ***", error.ProviderMessage);
        Assert.True(content.IsDisposed);
    }

    private static async Task<StreamResult> RunAsync(string body, ChatRequest? request = null)
    {
        var handler = StubHttpHandler.ForBody(Encoding.UTF8.GetBytes(body), Chunking.Random(4, 11));
        var provider = TestProviders.Create(handler);
        var result = await StreamFolder.CollectAsync(provider.StreamAsync(request ?? TestProviders.Hello()));
        Assert.True(((ChunkedContent)handler.LastResponse!.Content).IsDisposed, "the response is disposed at the end");
        return result;
    }
}
