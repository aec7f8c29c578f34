using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using NxtAIGen.AspNetCore.Tests;

using static ChatServer.Tests.EndToEnd;

namespace ChatServer.Tests;

/// <summary>
/// The sample with the <c>openai</c> provider pointed at a real local fake of the service: what a browser sees
/// for normal answers, truncated bodies, mid-stream errors, 429s, silence and a client that hangs up.
/// </summary>
public sealed class UpstreamEndToEndTests : IAsyncLifetime
{
    private const string Key = "sk-e2e-secret-key-0123456789";
    private FakeUpstream _upstream = null!;

    public async Task InitializeAsync() => _upstream = await FakeUpstream.StartAsync();

    public async Task DisposeAsync() => await _upstream.DisposeAsync();

    [Fact]
    public async Task RecordedStream_ArrivesAsContentEventsThenDone()
    {
        _upstream.Handler = FakeUpstream.Sse(Fixture("openai/text-usage-chunk.sse"), chunkSize: 7);
        await using var factory = Factory();

        var events = await StreamAsync(factory, """{"provider":"openai","model":"gpt-4o","message":"Say something"}""");

        Assert.Equal("start", events[0].Event);
        Assert.Equal("done", events[^1].Event);
        var expected = JsonDocument.Parse(Fixture("openai/text-usage-chunk.expected.json")).RootElement;
        Assert.Equal(expected.GetProperty("text").GetString(), Concat(events, "content"));
        var usage = events[^1].Json.GetProperty("usage");
        Assert.Equal(expected.GetProperty("usage").GetProperty("inputTokens").GetInt32(), usage.GetProperty("input_tokens").GetInt32());
        var sent = JsonDocument.Parse(_upstream.RequestBodies.Single()).RootElement;
        Assert.True(sent.GetProperty("stream").GetBoolean());
        Assert.Equal("gpt-4o", sent.GetProperty("model").GetString());
    }

    [Fact]
    public async Task TruncatedBody_EndsWithIncompleteError()
    {
        var body = Fixture("openai/text-usage-chunk.sse");
        _upstream.Handler = FakeUpstream.Sse(body[..(body.Length / 2)]);
        await using var factory = Factory();

        var events = await StreamAsync(factory, """{"provider":"openai","message":"hi"}""");

        Assert.Equal("error", events[^1].Event);
        Assert.Equal("incomplete", events[^1].Json.GetProperty("code").GetString());
        Assert.DoesNotContain(events, e => e.Event == "done");
    }

    [Fact]
    public async Task ErrorAfterOutput_IsContentThenOneErrorEvent()
    {
        _upstream.Handler = FakeUpstream.Sse(Fixture("openai/error-after-output.sse"));
        await using var factory = Factory();

        var events = await StreamAsync(factory, """{"provider":"openai","message":"hi"}""");

        Assert.Contains(events, e => e.Event == "content");
        Assert.Equal("error", events[^1].Event);
        Assert.Single(events, e => e.Event is "error" or "done");
        Assert.Equal(1, _upstream.Requests);
    }

    [Fact]
    public async Task TooManyRequestsThenSuccess_IsRetriedBeforeTheFirstContent()
    {
        var attempts = 0;
        var ok = FakeUpstream.Sse(Fixture("openai/text-usage-chunk.sse"));
        _upstream.Handler = context =>
        {
            if (Interlocked.Increment(ref attempts) == 1)
            {
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = "0";
                return context.Response.WriteAsync("""{"error":{"message":"Rate limit reached","type":"requests","code":"rate_limit_exceeded"}}""");
            }

            return ok(context);
        };
        await using var factory = Factory();

        var events = await StreamAsync(factory, """{"provider":"openai","message":"hi"}""");

        Assert.Equal("done", events[^1].Event);
        Assert.Equal(2, _upstream.Requests);
    }

    [Fact]
    public async Task TooManyRequestsWithLongRetryAfter_IsRateLimitedErrorWithRetryAfter()
    {
        _upstream.Handler = context =>
        {
            context.Response.StatusCode = 429;
            context.Response.Headers.RetryAfter = "120";
            return context.Response.WriteAsync("""{"error":{"message":"Rate limit reached","code":"rate_limit_exceeded"}}""");
        };
        await using var factory = Factory();

        var events = await StreamAsync(factory, """{"provider":"openai","message":"hi"}""");

        Assert.Equal(["start", "error"], events.Select(e => e.Event));
        Assert.Equal("rate_limited", events[1].Json.GetProperty("code").GetString());
        Assert.Equal(120, events[1].Json.GetProperty("retry_after").GetInt32());
        Assert.Equal(1, _upstream.Requests);
    }

    [Fact]
    public async Task WrongKey_IsProviderErrorThatNeverShowsTheKey()
    {
        _upstream.Handler = context =>
        {
            context.Response.StatusCode = 401;
            return context.Response.WriteAsync("{\"error\":{\"message\":\"Incorrect API key provided: " + Key + ".\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}");
        };
        await using var factory = Factory();

        var events = await StreamAsync(factory, """{"provider":"openai","message":"hi"}""");

        Assert.Equal("error", events[^1].Event);
        Assert.Equal("provider_error", events[^1].Json.GetProperty("code").GetString());
        Assert.DoesNotContain(Key, events[^1].Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SilenceLongerThanIdleTimeout_IsTimeoutErrorAndAbortsTheUpstreamRequest()
    {
        var time = new FakeTimeProvider();
        _upstream.Handler = async context =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync("data: {\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"}}]}\n\n");
            await context.Response.Body.FlushAsync();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        };
        await using var factory = Factory(new() { ["NxtAIGen:Streaming:IdleTimeout"] = "00:00:30" }, time);
        using var client = factory.CreateClient();
        using var response = await PostAsync(client, """{"provider":"openai","message":"hi"}""");
        await using var sse = new SseReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal("start", (await sse.NextEventAsync())!.Event);
        Assert.Equal("content", (await sse.NextEventAsync())!.Event);

        time.Advance(TimeSpan.FromSeconds(30));

        var error = await sse.NextEventAsync();
        Assert.Equal("timeout", error!.Json.GetProperty("code").GetString());
        await Wait.ForAsync(_upstream.RequestAborted.Task, "the upstream request to be aborted");
    }

    [Fact]
    public async Task ClientHangsUp_AbortsTheUpstreamRequest()
    {
        _upstream.Handler = async context =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync("data: {\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"}}]}\n\n");
            await context.Response.Body.FlushAsync();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        };
        await using var factory = Factory();
        using var client = factory.CreateClient();
        var response = await PostAsync(client, """{"provider":"openai","message":"hi"}""");
        var sse = new SseReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal("start", (await sse.NextEventAsync())!.Event);
        Assert.Equal("content", (await sse.NextEventAsync())!.Event);

        await sse.DisposeAsync();
        response.Dispose();

        await Wait.ForAsync(_upstream.RequestAborted.Task, "the upstream request to be aborted after the client left");
    }

    private ChatServerFactory Factory(Dictionary<string, string?>? extra = null, TimeProvider? time = null) =>
        ForProvider("openai", _upstream, Key, extra, time);
}
