using System.Net;
using System.Text;
using NxtAIGen.Abstractions;
using NxtAIGen.Testing;

namespace NxtAIGen.Providers.OpenAI.Tests;

public sealed class OpenAIStreamEndTests
{
    [Fact]
    public async Task StreamAsync_BodyCutAtAnyOffsetBeforeFinish_ThrowsIncomplete()
    {
        var fixture = StreamFixture.Load("openai/text-usage-chunk");
        var text = Encoding.UTF8.GetString(fixture.Body);
        var finishEvent = Encoding.UTF8.GetByteCount(text[..text.IndexOf("\"finish_reason\":\"stop\"", StringComparison.Ordinal)]);
        var finishEventStart = fixture.Body.AsSpan(0, finishEvent).LastIndexOf("data:"u8);
        for (var cut = 0; cut < finishEventStart; cut++)
        {
            var provider = TestProviders.Create("openai", StubHttpHandler.ForBody(fixture.Body.AsMemory(0, cut)));
            var result = await StreamFolder.CollectAsync(provider.StreamAsync(TestProviders.Hello()));
            Assert.True(result.ProviderError is { Kind: ProviderErrorKind.Incomplete }, $"cut at {cut}: {result.Error?.Message ?? "no error"}");
            Assert.Equal(0, result.FinishCount);
        }
    }

    [Fact]
    public async Task StreamAsync_ErrorMessageWithInvalidUtf8_ThrowsServerProviderException()
    {
        // Found by tests/NxtAIGen.PropertyTests: a byte flip inside an error message made JsonElement.GetString throw InvalidOperationException.
        byte[] body = [.. "data: {\"error\":{\"message\":\"bad "u8, 0xE0, .. "\",\"type\":\"server_error\"}}\n\ndata: [DONE]\n\n"u8];
        var provider = TestProviders.Create("openai", StubHttpHandler.ForBody(body));

        var result = await StreamFolder.CollectAsync(provider.StreamAsync(TestProviders.Hello()));

        Assert.Equal(ProviderErrorKind.Server, result.ProviderError?.Kind);
        Assert.Contains("not valid UTF-8", result.Error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("openai/parallel-tool-calls")]
    [InlineData("deepseek/reasoning")]
    [InlineData("groq/reasoning")]
    [InlineData("mistral/magistral-thinking-blocks")]
    [InlineData("huggingface/router-chat-tgi")]
    public async Task StreamAsync_BodyCutInHalf_ThrowsIncomplete(string fixtureId)
    {
        var fixture = StreamFixture.Load(fixtureId);
        var provider = TestProviders.Create(TestProviders.TypeForFixture(fixture.Provider), StubHttpHandler.ForBody(fixture.Body.AsMemory(0, fixture.Body.Length / 2)));
        var result = await StreamFolder.CollectAsync(provider.StreamAsync(TestProviders.Hello()));
        Assert.Equal(ProviderErrorKind.Incomplete, result.ProviderError?.Kind);
    }

    [Fact]
    public async Task StreamAsync_InvalidJsonFollowedByMoreEvents_ThrowsServerError()
    {
        var body = "data: {not json}\n\n" + SseBodies.Ok;
        var provider = TestProviders.Create("openai", StubHttpHandler.ForBody(Encoding.UTF8.GetBytes(body)));
        var result = await StreamFolder.CollectAsync(provider.StreamAsync(TestProviders.Hello()));
        Assert.Equal(ProviderErrorKind.Server, result.ProviderError?.Kind);
        Assert.Contains("not valid JSON", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamAsync_DoneWithoutFinishReason_EndsWithStop()
    {
        var body = SseBodies.FirstText + "data: [DONE]\n\n";
        var provider = TestProviders.Create("openai", StubHttpHandler.ForBody(Encoding.UTF8.GetBytes(body)));
        var result = await StreamFolder.CollectAsync(provider.StreamAsync(TestProviders.Hello()));
        Assert.Null(result.Error);
        Assert.Equal(ChatFinishReason.Stop, result.UnifiedFinishReason);
        Assert.Equal("Hel", result.Text);
    }

    [Fact]
    public async Task StreamAsync_EventsAfterDone_AreNotRead()
    {
        var body = SseBodies.Ok + "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"late\"}}]}\n\n";
        var provider = TestProviders.Create("openai", StubHttpHandler.ForBody(Encoding.UTF8.GetBytes(body)));
        var result = await StreamFolder.CollectAsync(provider.StreamAsync(TestProviders.Hello()));
        Assert.Equal("ok", result.Text);
    }

    [Fact]
    public async Task StreamAsync_ToolCallsWithoutIndexOrId_JoinThePreviousCall()
    {
        var body =
            "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"id\":\"call_a\",\"function\":{\"name\":\"f\",\"arguments\":\"{\\\"x\\\"\"}}]}}]}\n\n" +
            "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"function\":{\"arguments\":\":1}\"}}]}}]}\n\n" +
            "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_b\",\"function\":{\"name\":\"g\"}}]}}]}\n\n" +
            "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}\n\n" +
            "data: [DONE]\n\n";
        var provider = TestProviders.Create("openai", StubHttpHandler.ForBody(Encoding.UTF8.GetBytes(body)));
        var result = await StreamFolder.CollectAsync(provider.StreamAsync(TestProviders.Hello()));
        Assert.Collection(
            result.ToolCalls,
            a => Assert.Equal(new ChatToolCall("call_a", "f", "{\"x\":1}"), a),
            b => Assert.Equal(new ChatToolCall("call_b", "g", "{}"), b));
        Assert.Equal(ChatFinishReason.ToolCalls, result.UnifiedFinishReason);
    }

    [Fact]
    public async Task StreamAsync_ConnectionResetMidStream_ThrowsNetwork()
    {
        var content = new PipeContent();
        var provider = TestProviders.Create("openai", new StubHttpHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = content }));
        var stream = provider.StreamAsync(TestProviders.Hello()).GetAsyncEnumerator();
        await content.WriteAsync(SseBodies.FirstText);
        Assert.True(await stream.MoveNextAsync());
        Assert.True(await stream.MoveNextAsync());
        Assert.Equal("Hel", stream.Current.Text);

        content.Complete(new IOException("connection reset"));
        var error = await Assert.ThrowsAsync<NxtAIGenProviderException>(async () => await stream.MoveNextAsync());
        Assert.Equal(ProviderErrorKind.Network, error.Kind);
        Assert.IsType<IOException>(error.InnerException);
        Assert.True(content.IsDisposed);
        await stream.DisposeAsync();
    }

    [Fact]
    public async Task StreamAsync_ConnectionRefused_ThrowsNetwork()
    {
        var provider = TestProviders.Create("openai", new StubHttpHandler(_ => throw new HttpRequestException(HttpRequestError.ConnectionError, "refused")));
        var result = await StreamFolder.CollectAsync(provider.StreamAsync(TestProviders.Hello()));
        Assert.Equal(ProviderErrorKind.Network, result.ProviderError?.Kind);
        Assert.DoesNotContain(TestProviders.ApiKey, result.Error!.Message, StringComparison.Ordinal);
    }
}
