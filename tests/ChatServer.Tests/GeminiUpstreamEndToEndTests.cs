using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using NxtAIGen.AspNetCore.Tests;

using static ChatServer.Tests.EndToEnd;

namespace ChatServer.Tests;

/// <summary>
/// The sample with the <c>gemini</c> provider pointed at a real local fake of the Generative Language API: what a
/// browser sees for reasoning, text, tool calls, a raw mid-stream error and a truncated body.
/// </summary>
public sealed class GeminiUpstreamEndToEndTests : IAsyncLifetime
{
    private const string Key = "AIza-e2e-secret-key-0123456789";
    private FakeUpstream _upstream = null!;

    public async Task InitializeAsync() => _upstream = await FakeUpstream.StartAsync("/v1beta/models/{**model}", basePath: string.Empty);

    public async Task DisposeAsync() => await _upstream.DisposeAsync();

    [Fact]
    public async Task ThinkingStream_ArrivesAsThinkingThenContentThenDoneWithUsage()
    {
        _upstream.Handler = FakeUpstream.Sse(Fixture("gemini/thought-summary.sse"), chunkSize: 7);
        await using var factory = Factory();

        var events = await StreamAsync(factory, """{"provider":"gemini","model":"gemini-2.5-flash","message":"Why is the sky blue?","reasoning":{"effort":"low"}}""");

        Assert.Equal("start", events[0].Event);
        Assert.Equal("done", events[^1].Event);
        var expected = JsonDocument.Parse(Fixture("gemini/thought-summary.expected.json")).RootElement;
        Assert.Equal(expected.GetProperty("reasoning").GetString(), Concat(events, "thinking"));
        Assert.Equal(expected.GetProperty("text").GetString(), Concat(events, "content"));
        Assert.True(events.FindLastIndex(e => e.Event == "thinking") < events.FindIndex(e => e.Event == "content"));
        var done = events[^1].Json;
        Assert.Equal("stop", done.GetProperty("finish_reason").GetString());
        Assert.Equal(10, done.GetProperty("usage").GetProperty("input_tokens").GetInt32());
        Assert.Equal(48, done.GetProperty("usage").GetProperty("output_tokens").GetInt32());
        Assert.Equal(540, done.GetProperty("usage").GetProperty("reasoning_tokens").GetInt32());

        Assert.Equal("/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse", _upstream.RequestTargets.Single());
        Assert.Equal(Key, _upstream.RequestHeaders.Single()["x-goog-api-key"]);
        Assert.DoesNotContain(Key, _upstream.RequestTargets.Single(), StringComparison.Ordinal);
        var sent = JsonDocument.Parse(_upstream.RequestBodies.Single()).RootElement;
        Assert.Equal("Why is the sky blue?", sent.GetProperty("contents")[0].GetProperty("parts")[0].GetProperty("text").GetString());
        var thinking = sent.GetProperty("generationConfig").GetProperty("thinkingConfig");
        Assert.True(thinking.GetProperty("includeThoughts").GetBoolean());
        Assert.Equal(2048, thinking.GetProperty("thinkingBudget").GetInt32());
    }

    [Fact]
    public async Task FunctionCall_IsOneToolCallEventAndToolCallsFinish()
    {
        _upstream.Handler = FakeUpstream.Sse(Fixture("gemini/function-call-gemini3.sse"), chunkSize: 11);
        await using var factory = Factory();

        var events = await StreamAsync(factory, """{"provider":"gemini","message":"Weather in San Francisco?"}""");

        var call = Assert.Single(events, e => e.Event == "tool_call").Json;
        Assert.Equal("call_1", call.GetProperty("id").GetString());
        Assert.Equal("weather", call.GetProperty("name").GetString());
        Assert.Equal("San Francisco", call.GetProperty("arguments").GetProperty("location").GetString());
        Assert.Equal("done", events[^1].Event);
        Assert.Equal("tool_calls", events[^1].Json.GetProperty("finish_reason").GetString());
        Assert.Equal("/v1beta/models/gemini-3.5-flash:streamGenerateContent?alt=sse", _upstream.RequestTargets.Single());
    }

    [Fact]
    public async Task RawJsonErrorMidStream_IsContentThenOneErrorEvent()
    {
        _upstream.Handler = FakeUpstream.Sse(Fixture("gemini/error-midstream-raw-json.sse"), chunkSize: 5);
        await using var factory = Factory();

        var events = await StreamAsync(factory, """{"provider":"gemini","message":"hi"}""");

        Assert.Equal("First Second ", Concat(events, "content"));
        Assert.Equal("error", events[^1].Event);
        Assert.Single(events, e => e.Event is "error" or "done");
        Assert.Equal("provider_error", events[^1].Json.GetProperty("code").GetString());
        Assert.Equal(1, _upstream.Requests);
    }

    [Fact]
    public async Task TruncatedBody_EndsWithIncompleteError()
    {
        var body = Fixture("gemini/thought-summary.sse");
        _upstream.Handler = FakeUpstream.Sse(body[..(body.Length / 2)]);
        await using var factory = Factory();

        var events = await StreamAsync(factory, """{"provider":"gemini","message":"hi"}""");

        Assert.Equal("error", events[^1].Event);
        Assert.Equal("incomplete", events[^1].Json.GetProperty("code").GetString());
        Assert.DoesNotContain(events, e => e.Event == "done");
    }

    [Fact]
    public async Task QuotaExhausted_IsRateLimitedErrorThatNeverShowsTheKey()
    {
        _upstream.Handler = context =>
        {
            context.Response.StatusCode = 429;
            context.Response.Headers.RetryAfter = "120";
            return context.Response.WriteAsync("[{\"error\":{\"code\":429,\"message\":\"Quota exceeded for key " + Key + "\",\"status\":\"RESOURCE_EXHAUSTED\"}}]");
        };
        await using var factory = Factory();

        var events = await StreamAsync(factory, """{"provider":"gemini","message":"hi"}""");

        Assert.Equal(["start", "error"], events.Select(e => e.Event));
        Assert.Equal("rate_limited", events[1].Json.GetProperty("code").GetString());
        Assert.DoesNotContain(Key, events[1].Data, StringComparison.Ordinal);
    }

    private ChatServerFactory Factory() => ForProvider("gemini", _upstream, Key);
}
