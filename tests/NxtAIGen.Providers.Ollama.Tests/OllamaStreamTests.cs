using System.Net;
using System.Text;
using NxtAIGen.Abstractions;
using NxtAIGen.Testing;

namespace NxtAIGen.Providers.Ollama.Tests;

/// <summary>The NDJSON quirks: both line shapes, error lines, missing end, line splits, cancellation.</summary>
public sealed class OllamaStreamTests
{
    [Fact]
    public async Task StreamAsync_ChatText_MetadataTextUsageThenFinishLast()
    {
        var result = await RunAsync(NdjsonBodies.Ok);

        Assert.Null(result.Error);
        Assert.Collection(
            result.Chunks,
            c => Assert.Equal("gemma4", c.Metadata?.Model),
            c => Assert.Equal("ok", c.Text),
            c => Assert.Equal(new ChatUsage { InputTokens = 3, OutputTokens = 1 }, c.Usage),
            c => Assert.Equal(ChatFinishReason.Stop, c.FinishReason));
        Assert.Equal("stop", result.FinishReason);
    }

    [Fact]
    public async Task StreamAsync_DoneWithoutReasonOrCounts_StopsWithoutUsage()
    {
        var result = await RunAsync("{\"message\":{\"content\":\"a\"},\"done\":false}\n{\"done\":true}\n");

        Assert.Null(result.Error);
        Assert.Equal(ChatFinishReason.Stop, result.UnifiedFinishReason);
        Assert.Null(result.FinishReason);
        Assert.Null(result.Usage);
    }

    [Theory]
    [InlineData("length", ChatFinishReason.Length)]
    [InlineData("load", ChatFinishReason.Other)]
    [InlineData("unload", ChatFinishReason.Other)]
    public async Task StreamAsync_DoneReason_IsMapped(string reason, ChatFinishReason expected)
    {
        var result = await RunAsync("{\"response\":\"x\",\"done\":true,\"done_reason\":\"" + reason + "\"}\n");

        Assert.Equal(expected, result.UnifiedFinishReason);
        Assert.Equal(reason, result.FinishReason);
    }

    [Fact]
    public async Task StreamAsync_GenerateShape_ReadsResponseAndThinking()
    {
        var fixture = StreamFixture.Load("ollama/generate-thinking");
        var result = await RunAsync(Encoding.UTF8.GetString(fixture.Body));

        Assert.Equal(fixture.Expected.Text, result.Text);
        Assert.Equal(fixture.Expected.Reasoning, result.Reasoning);
        Assert.Equal(ChatChunkKind.Reasoning, result.Chunks[1].Kind);
    }

    [Fact]
    public async Task StreamAsync_ChatThinking_IsReasoningUnlessExcluded()
    {
        const string Body =
            "{\"message\":{\"role\":\"assistant\",\"content\":\"\",\"thinking\":\"Hmm.\"},\"done\":false}\n" +
            "{\"message\":{\"role\":\"assistant\",\"content\":\"Yes.\"},\"done\":false}\n" +
            "{\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\"}\n";

        var shown = await RunAsync(Body);
        var hidden = await RunAsync(Body, new ChatRequest { Messages = [ChatMessage.User("?")], Reasoning = new ChatReasoningOptions { IncludeReasoning = false } });

        Assert.Equal("Hmm.", shown.Reasoning);
        Assert.Equal("Yes.", shown.Text);
        Assert.Empty(hidden.Reasoning);
        Assert.Equal("Yes.", hidden.Text);
    }

    [Fact]
    public async Task StreamAsync_ToolCalls_ArgumentsObjectBecomesJsonTextWithGeneratedIds()
    {
        const string Body =
            "{\"message\":{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[" +
            "{\"function\":{\"name\":\"get_weather\",\"arguments\":{\"city\":\"Tokyo\",\"days\":2}}}," +
            "{\"id\":\"call_x\",\"function\":{\"index\":1,\"name\":\"get_time\",\"arguments\":{}}}]},\"done\":false}\n" +
            "{\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done_reason\":\"stop\",\"done\":true}\n";

        var result = await RunAsync(Body);

        Assert.Equal(2, result.ToolCalls.Count);
        var (first, second) = (result.ToolCalls[0], result.ToolCalls[1]);
        Assert.StartsWith("call_", first.Id, StringComparison.Ordinal);
        Assert.Equal("get_weather", first.Name);
        JsonAssert.Equal("{\"city\":\"Tokyo\",\"days\":2}", first.Arguments);
        Assert.Equal(new ChatToolCall("call_x", "get_time", "{}"), second);
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(ChatFinishReason.ToolCalls, result.UnifiedFinishReason);
        Assert.Equal("stop", result.FinishReason);
    }

    [Fact]
    public async Task StreamAsync_ErrorLine_IsStreamErrorAfterTheText()
    {
        var result = await RunAsync(NdjsonBodies.FirstText + "{\"error\":\"model runner stopped; key " + TestProviders.ApiKey + "\"}\n", apiKey: TestProviders.ApiKey);

        Assert.Equal("Hel", result.Text);
        var error = result.ProviderError!;
        Assert.Equal(ProviderErrorKind.Server, error.Kind);
        Assert.Null(error.ProviderCode);
        Assert.Null(error.StatusCode);
        Assert.Equal(0, result.FinishCount);
        Assert.DoesNotContain(TestProviders.ApiKey, error.Message, StringComparison.Ordinal);
        Assert.Contains("model runner stopped", error.ProviderMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(NdjsonBodies.FirstText)]
    [InlineData(NdjsonBodies.FirstText + "{\"model\":\"gemma4\",\"message\":{\"content\":\"lo\"},\"do")]
    public async Task StreamAsync_BodyWithoutDoneObject_ThrowsIncomplete(string body)
    {
        var result = await RunAsync(body);

        Assert.Equal(ProviderErrorKind.Incomplete, result.ProviderError?.Kind);
        Assert.Equal(0, result.FinishCount);
    }

    [Fact]
    public async Task StreamAsync_LastLineWithoutNewline_IsStillRead()
    {
        var result = await RunAsync(NdjsonBodies.Ok.TrimEnd('\n'));

        Assert.Null(result.Error);
        Assert.Equal("ok", result.Text);
    }

    [Fact]
    public async Task StreamAsync_InvalidJsonFollowedByMoreLines_ThrowsServerError()
    {
        var result = await RunAsync("{not json}\n" + NdjsonBodies.Ok);

        Assert.Equal(ProviderErrorKind.Server, result.ProviderError?.Kind);
        Assert.Contains("not valid JSON", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamAsync_ErrorLineWithInvalidUtf8_ThrowsServerProviderException()
    {
        // Found by tests/NxtAIGen.PropertyTests: invalid UTF-8 in an error string made JsonElement.GetString throw InvalidOperationException.
        byte[] body = [.. "{\"error\":\"bad "u8, 0xE7, .. "\"}\n"u8];
        var provider = TestProviders.Create(StubHttpHandler.ForBody(body, Chunking.Whole, TestProviders.NdjsonMediaType));

        var result = await StreamFolder.CollectAsync(provider.StreamAsync(TestProviders.Hello()));

        Assert.Equal(ProviderErrorKind.Server, result.ProviderError?.Kind);
        Assert.Contains("not valid UTF-8", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamAsync_LinesAfterDone_AreNotRead()
    {
        var result = await RunAsync(NdjsonBodies.Ok + "{\"message\":{\"content\":\"late\"},\"done\":false}\n");

        Assert.Equal("ok", result.Text);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    [InlineData("\n\n")]
    public async Task StreamAsync_MultiByteTextSplitAtEveryByteWithAnyLineEnd_IsIntact(string newline)
    {
        var body = ("{\"message\":{\"content\":\"Tōkyō 東京 °C ÷ ² 😀\"},\"done\":false}\n" +
            "{\"message\":{\"content\":\" 亚\"},\"done\":true,\"done_reason\":\"stop\"}\n").Replace("\n", newline, StringComparison.Ordinal);

        foreach (var chunking in new[] { Chunking.OneByte, Chunking.Fixed(2), Chunking.Fixed(3), Chunking.Random(5, 7) })
        {
            var result = await RunAsync(body, chunking: chunking);
            Assert.Null(result.Error);
            Assert.Equal("Tōkyō 東京 °C ÷ ² 😀 亚", result.Text);
        }
    }

    [Fact]
    public async Task StreamAsync_LineLongerThanTheInitialBuffer_IsRead()
    {
        var text = new string('x', 100_000);
        var result = await RunAsync("{\"message\":{\"content\":\"" + text + "\"},\"done\":true}\n", chunking: Chunking.Random(3, 4096));

        Assert.Equal(text, result.Text);
    }

    [Fact]
    public async Task StreamAsync_CancelledWhileWaitingForData_ThrowsOperationCanceledAndDisposesResponse()
    {
        var content = new PipeContent(TestProviders.NdjsonMediaType);
        var provider = TestProviders.Create(new StubHttpHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = content }));
        using var cts = new CancellationTokenSource();
        var stream = provider.StreamAsync(TestProviders.Hello(), cts.Token).GetAsyncEnumerator(cts.Token);
        await content.WriteAsync(NdjsonBodies.FirstText);
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
    public async Task StreamAsync_TextArrivesBeforeTheNextLine()
    {
        var content = new PipeContent(TestProviders.NdjsonMediaType);
        var provider = TestProviders.Create(new StubHttpHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = content }));
        await using var stream = provider.StreamAsync(TestProviders.Hello()).GetAsyncEnumerator();
        await content.WriteAsync(NdjsonBodies.FirstText);

        Assert.True(await stream.MoveNextAsync());
        Assert.True(await stream.MoveNextAsync());
        Assert.Equal("Hel", stream.Current.Text);
        content.Complete();
    }

    [Fact]
    public async Task StreamAsync_ConnectionResetMidStream_ThrowsNetwork()
    {
        var content = new PipeContent(TestProviders.NdjsonMediaType);
        var provider = TestProviders.Create(new StubHttpHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = content }));
        var stream = provider.StreamAsync(TestProviders.Hello()).GetAsyncEnumerator();
        await content.WriteAsync(NdjsonBodies.FirstText);
        Assert.True(await stream.MoveNextAsync());
        Assert.True(await stream.MoveNextAsync());

        content.Complete(new IOException("connection reset"));
        var error = await Assert.ThrowsAsync<NxtAIGenProviderException>(async () => await stream.MoveNextAsync());
        Assert.Equal(ProviderErrorKind.Network, error.Kind);
        Assert.True(content.IsDisposed);
        await stream.DisposeAsync();
    }

    [Fact]
    public async Task StreamAsync_ConnectionRefused_ThrowsNetwork()
    {
        var provider = TestProviders.Create(new StubHttpHandler(_ => throw new HttpRequestException(HttpRequestError.ConnectionError, "refused")));

        var result = await StreamFolder.CollectAsync(provider.StreamAsync(TestProviders.Hello()));

        Assert.Equal(ProviderErrorKind.Network, result.ProviderError?.Kind);
    }

    [Fact]
    public async Task StreamAsync_HttpErrorWithOllamaBody_MapsKindAndMessage()
    {
        var content = new ChunkedContent("{\"error\":\"model 'nope' not found, try pulling it first\"}"u8.ToArray(), mediaType: "application/json");
        var provider = TestProviders.Create(new StubHttpHandler(_ => new HttpResponseMessage(HttpStatusCode.NotFound) { Content = content }));

        var error = await Assert.ThrowsAsync<NxtAIGenProviderException>(() => StreamFolder.ReadAllAsync(provider.StreamAsync(TestProviders.Hello())));

        Assert.Equal(ProviderErrorKind.NotFound, error.Kind);
        Assert.Equal(404, error.StatusCode);
        Assert.Equal("model 'nope' not found, try pulling it first", error.ProviderMessage);
        Assert.True(content.IsDisposed);
    }

    private static async Task<StreamResult> RunAsync(string body, ChatRequest? request = null, Chunking? chunking = null, string? apiKey = null)
    {
        var handler = StubHttpHandler.ForBody(Encoding.UTF8.GetBytes(body), chunking ?? Chunking.Whole, TestProviders.NdjsonMediaType);
        var provider = TestProviders.Create(handler, apiKey);
        var result = await StreamFolder.CollectAsync(provider.StreamAsync(request ?? TestProviders.Hello()));
        Assert.True(((ChunkedContent)handler.LastResponse!.Content).IsDisposed, "the response is disposed at the end");
        return result;
    }
}
