using System.Net;
using System.Text;
using NxtAIGen.Abstractions;
using NxtAIGen.Testing;

namespace NxtAIGen.Providers.Anthropic.Tests;

public sealed class AnthropicStreamEndTests
{
    [Fact]
    public async Task StreamAsync_BodyCutAtAnyOffsetBeforeMessageStopEnds_ThrowsIncomplete()
    {
        var fixture = StreamFixture.Load("anthropic/text-then-tool-use");
        var end = fixture.Body.Length - 1; // The body ends with message_stop's closing brace and no newline.
        for (var cut = 0; cut < end; cut++)
        {
            var provider = TestProviders.Create(StubHttpHandler.ForBody(fixture.Body.AsMemory(0, cut)));
            var result = await StreamFolder.CollectAsync(provider.StreamAsync(TestProviders.Hello()));
            Assert.True(result.ProviderError is { Kind: ProviderErrorKind.Incomplete }, $"cut at {cut}: {result.Error?.Message ?? "no error"}");
            Assert.Equal(0, result.FinishCount);
        }
    }

    [Fact]
    public async Task StreamAsync_MessageDeltaWithoutMessageStop_ThrowsIncomplete()
    {
        var body = SseBodies.Ok[..SseBodies.Ok.IndexOf("event: message_stop", StringComparison.Ordinal)];
        var result = await RunAsync(body);
        Assert.Equal(ProviderErrorKind.Incomplete, result.ProviderError?.Kind);
        Assert.Equal("Hel", result.Text);
    }

    [Fact]
    public async Task StreamAsync_EventsAfterMessageStop_AreNotRead()
    {
        var result = await RunAsync(SseBodies.Ok + SseBodies.Event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"late\"}}"));
        Assert.Null(result.Error);
        Assert.Equal("Hel", result.Text);
        Assert.Equal(ChatFinishReason.Stop, result.UnifiedFinishReason);
    }

    [Fact]
    public async Task StreamAsync_DataOnlyEventsWithoutEventLines_AreReadByPayloadType()
    {
        var body = string.Join(string.Empty, SseBodies.Ok.Split('\n').Where(l => !l.StartsWith("event:", StringComparison.Ordinal)).Select(l => l + "\n"));
        var result = await RunAsync(body);
        Assert.Null(result.Error);
        Assert.Equal("Hel", result.Text);
        Assert.Equal("end_turn", result.FinishReason);
    }

    [Fact]
    public async Task StreamAsync_InvalidJsonFollowedByMoreEvents_ThrowsServerError()
    {
        var result = await RunAsync(SseBodies.Start + "event: content_block_delta\ndata: {not json}\n\n" + SseBodies.End);
        Assert.Equal(ProviderErrorKind.Server, result.ProviderError?.Kind);
        Assert.Contains("not valid JSON", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamAsync_UsageWithCache_InputIncludesCachedTokensAndDeltaOverridesStart()
    {
        var body =
            SseBodies.Event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_2\",\"model\":\"claude-test\",\"usage\":{\"input_tokens\":10,\"cache_creation_input_tokens\":100,\"cache_read_input_tokens\":1000,\"output_tokens\":1}}}") +
            SseBodies.Event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"input_tokens\":12,\"output_tokens\":30}}") +
            SseBodies.Event("message_stop", "{\"type\":\"message_stop\"}");
        var result = await RunAsync(body);
        Assert.Equal(new ChatUsage { InputTokens = 1112, OutputTokens = 30, CachedInputTokens = 1000 }, result.Usage);
    }

    [Theory]
    [InlineData("pause_turn", ChatFinishReason.Other)]
    [InlineData("stop_sequence", ChatFinishReason.Stop)]
    [InlineData("model_context_window_exceeded", ChatFinishReason.Length)]
    [InlineData("something_new", ChatFinishReason.Other)]
    public async Task StreamAsync_OtherStopReasons_AreMapped(string raw, ChatFinishReason expected)
    {
        var result = await RunAsync(SseBodies.Around(string.Empty, raw));
        Assert.Null(result.Error);
        Assert.Equal(expected, result.UnifiedFinishReason);
        Assert.Equal(raw, result.FinishReason);
    }

    [Fact]
    public async Task StreamAsync_ServerToolsAndUnknownBlocks_AreSkipped_ClientToolsKeptInOrder()
    {
        var events =
            SseBodies.Event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"server_tool_use\",\"id\":\"srvtoolu_1\",\"name\":\"web_search\",\"input\":{}}}") +
            SseBodies.Event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"query\\\":\\\"x\\\"}\"}}") +
            SseBodies.Event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}") +
            SseBodies.Event("content_block_start", "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"web_search_tool_result\",\"tool_use_id\":\"srvtoolu_1\",\"content\":[]}}") +
            SseBodies.Event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":1}") +
            SseBodies.Event("content_block_start", "{\"type\":\"content_block_start\",\"index\":2,\"content_block\":{\"type\":\"text\",\"text\":\"Found \"}}") +
            SseBodies.Event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":2,\"delta\":{\"type\":\"citations_delta\",\"citation\":{\"type\":\"web_search_result_location\"}}}") +
            SseBodies.Event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":2,\"delta\":{\"type\":\"text_delta\",\"text\":\"it.\"}}") +
            SseBodies.Event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":2}") +
            SseBodies.Event("content_block_start", "{\"type\":\"content_block_start\",\"index\":3,\"content_block\":{\"type\":\"tool_use\",\"id\":\"toolu_a\",\"name\":\"first\",\"input\":{\"whole\":true}}}") +
            SseBodies.Event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":3}") +
            SseBodies.Event("content_block_start", "{\"type\":\"content_block_start\",\"index\":4,\"content_block\":{\"type\":\"tool_use\",\"id\":\"toolu_b\",\"name\":\"second\",\"input\":{}}}") +
            SseBodies.Event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":4,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"n\\\":\"}}") +
            SseBodies.Event("some_future_event", "{\"type\":\"some_future_event\"}") +
            SseBodies.Event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":4,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"2}\"}}") +
            SseBodies.Event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":4}");

        var result = await RunAsync(SseBodies.Around(events, "tool_use"));

        Assert.Null(result.Error);
        Assert.Equal("Found it.", result.Text);
        Assert.Collection(
            result.ToolCalls,
            a => Assert.Equal(new ChatToolCall("toolu_a", "first", "{\"whole\":true}"), a),
            b => Assert.Equal(new ChatToolCall("toolu_b", "second", "{\"n\":2}"), b));
    }

    [Fact]
    public async Task StreamAsync_InStreamErrorEchoingKey_MasksKey()
    {
        var body = SseBodies.FirstText + SseBodies.Event("error", "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"bad key " + TestProviders.ApiKey + "\"}}");
        var result = await RunAsync(body);
        Assert.Equal(ProviderErrorKind.Server, result.ProviderError?.Kind);
        Assert.Equal("api_error", result.ProviderError!.ProviderCode);
        Assert.DoesNotContain(TestProviders.ApiKey, result.Error!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestProviders.ApiKey, result.ProviderError.ProviderMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rate_limit_error", ProviderErrorKind.RateLimited)]
    [InlineData("invalid_request_error", ProviderErrorKind.InvalidRequest)]
    [InlineData("overloaded_error", ProviderErrorKind.Overloaded)]
    public async Task StreamAsync_InStreamErrorTypes_MapToKinds(string type, ProviderErrorKind kind)
    {
        var result = await RunAsync(SseBodies.Start + SseBodies.Event("error", "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"m\"}}"));
        Assert.Equal(kind, result.ProviderError?.Kind);
    }

    [Fact]
    public async Task StreamAsync_JsonErrorWithStatus200_ThrowsItsKind()
    {
        var content = new ChunkedContent(
            "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"u8.ToArray(), mediaType: "application/json");
        var provider = TestProviders.Create(new StubHttpHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = content }));

        var result = await StreamFolder.CollectAsync(provider.StreamAsync(TestProviders.Hello()));

        Assert.Equal(ProviderErrorKind.Overloaded, result.ProviderError?.Kind);
        Assert.Equal("Overloaded", result.ProviderError!.ProviderMessage);
        Assert.True(content.IsDisposed);
    }

    [Fact]
    public async Task StreamAsync_ConnectionResetMidStream_ThrowsNetwork()
    {
        var content = new PipeContent();
        var provider = TestProviders.Create(new StubHttpHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = content }));
        var stream = provider.StreamAsync(TestProviders.Hello()).GetAsyncEnumerator();
        await content.WriteAsync(SseBodies.FirstText);
        Assert.True(await stream.MoveNextAsync());
        Assert.Equal(ChatChunkKind.Metadata, stream.Current.Kind);
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
        var provider = TestProviders.Create(new StubHttpHandler(_ => throw new HttpRequestException(HttpRequestError.ConnectionError, "refused")));
        var result = await StreamFolder.CollectAsync(provider.StreamAsync(TestProviders.Hello()));
        Assert.Equal(ProviderErrorKind.Network, result.ProviderError?.Kind);
        Assert.DoesNotContain(TestProviders.ApiKey, result.Error!.Message, StringComparison.Ordinal);
    }

    private static Task<StreamResult> RunAsync(string body) =>
        StreamFolder.CollectAsync(TestProviders.Create(StubHttpHandler.ForBody(Encoding.UTF8.GetBytes(body))).StreamAsync(TestProviders.Hello()));
}
