using System.Text.Json;
using static ChatServer.Tests.EndToEnd;

namespace ChatServer.Tests;

/// <summary>
/// The sample with the <c>anthropic</c> provider pointed at a real local fake of the Messages API: thinking, text,
/// tool calls, an overloaded error mid-stream and a truncated body, as a browser sees them.
/// </summary>
public sealed class AnthropicEndToEndTests : IAsyncLifetime
{
    private const string Key = "sk-ant-e2e-secret-key-0123456789";
    private FakeUpstream _upstream = null!;

    public async Task InitializeAsync() => _upstream = await FakeUpstream.StartAsync("/v1/messages", basePath: string.Empty);

    public async Task DisposeAsync() => await _upstream.DisposeAsync();

    [Fact]
    public async Task ThinkingStream_ArrivesAsThinkingThenContentThenDone()
    {
        _upstream.Handler = FakeUpstream.Sse(Fixture("anthropic/thinking-signature.sse"), chunkSize: 9);
        await using var factory = ForProvider("anthropic", _upstream, Key);

        var events = await StreamAsync(factory, """{"provider":"anthropic","message":"Think first.","reasoning":{"budget_tokens":2048}}""");

        var expected = JsonDocument.Parse(Fixture("anthropic/thinking-signature.expected.json")).RootElement;
        Assert.Equal(expected.GetProperty("reasoning").GetString(), Concat(events, "thinking"));
        Assert.Equal(expected.GetProperty("text").GetString(), Concat(events, "content"));
        Assert.Equal("done", events[^1].Event);
        Assert.Equal("stop", events[^1].Json.GetProperty("finish_reason").GetString());
        Assert.Equal(Key, _upstream.RequestHeaders.Single()["x-api-key"]);
        Assert.Equal("2023-06-01", _upstream.RequestHeaders.Single()["anthropic-version"]);
        var sent = JsonDocument.Parse(_upstream.RequestBodies.Single()).RootElement;
        Assert.Equal("enabled", sent.GetProperty("thinking").GetProperty("type").GetString());
        Assert.Equal(2048, sent.GetProperty("thinking").GetProperty("budget_tokens").GetInt32());
        Assert.True(sent.GetProperty("max_tokens").GetInt32() > 2048);
    }

    [Fact]
    public async Task ToolUse_IsOneToolCallEventAndToolCallsFinish()
    {
        _upstream.Handler = FakeUpstream.Sse(Fixture("anthropic/tool-use-recorded.sse"), chunkSize: 13);
        await using var factory = ForProvider("anthropic", _upstream, Key);

        var events = await StreamAsync(factory, """{"provider":"anthropic","message":"Weather?"}""");

        var expected = JsonDocument.Parse(Fixture("anthropic/tool-use-recorded.expected.json")).RootElement.GetProperty("toolCalls")[0];
        var call = Assert.Single(events, e => e.Event == "tool_call").Json;
        Assert.Equal(expected.GetProperty("name").GetString(), call.GetProperty("name").GetString());
        Assert.True(JsonElement.DeepEquals(expected.GetProperty("arguments"), call.GetProperty("arguments")), call.GetProperty("arguments").GetRawText());
        Assert.Equal("tool_calls", events[^1].Json.GetProperty("finish_reason").GetString());
    }

    [Fact]
    public async Task OverloadedMidStream_IsContentThenOneOverloadedError()
    {
        _upstream.Handler = FakeUpstream.Sse(Fixture("anthropic/error-overloaded-midstream.sse"));
        await using var factory = ForProvider("anthropic", _upstream, Key);

        var events = await StreamAsync(factory, """{"provider":"anthropic","message":"hi"}""");

        Assert.Contains(events, e => e.Event == "content");
        Assert.Single(events, e => e.Event is "error" or "done");
        Assert.Equal("overloaded", events[^1].Json.GetProperty("code").GetString());
    }

    [Fact]
    public async Task TruncatedBody_EndsWithIncompleteError()
    {
        var body = Fixture("anthropic/text-recorded.sse");
        _upstream.Handler = FakeUpstream.Sse(body[..(body.Length * 2 / 3)]);
        await using var factory = ForProvider("anthropic", _upstream, Key);

        var events = await StreamAsync(factory, """{"provider":"anthropic","message":"hi"}""");

        Assert.Equal("error", events[^1].Event);
        Assert.Equal("incomplete", events[^1].Json.GetProperty("code").GetString());
    }
}
