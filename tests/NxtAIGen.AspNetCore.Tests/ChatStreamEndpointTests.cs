using System.Text.Json;
using NxtAIGen.Abstractions;

namespace NxtAIGen.AspNetCore.Tests;

public sealed class ChatStreamEndpointTests
{
    private static readonly object Hello = new { message = "hi" };

    [Fact]
    public async Task Stream_HappyPath_SendsStartContentThinkingToolCallAndDone()
    {
        await using var app = await TestApp.StartAsync();
        app.Provider.NextCall()
            .Yield(ChatChunk.ForMetadata(new ChatResponseMetadata { ResponseId = "r1", Model = "fake-1-2026" }))
            .Yield(ChatChunk.ForReasoning("Let me think."))
            .Text("Hello")
            .Text(", world")
            .Yield(ChatChunk.ForToolCall(new ChatToolCall("call_1", "get_weather", """{"city":"Paris"}""")))
            .Yield(ChatChunk.ForUsage(new ChatUsage { InputTokens = 12, OutputTokens = 7, ReasoningTokens = 3 }))
            .Finish(ChatFinishReason.ToolCalls, "tool_calls");

        using var response = await app.PostStreamAsync(Hello);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoCache);
        Assert.Equal("no", response.Headers.GetValues("X-Accel-Buffering").Single());
        await using var sse = new SseReader(await response.Content.ReadAsStreamAsync());
        var frames = await sse.ReadToEndAsync();
        var events = frames.Where(f => !f.IsPing).ToList();

        Assert.Equal(["start", "thinking", "content", "content", "tool_call", "done"], events.Select(e => e.Event));
        var start = events[0].Json;
        Assert.Equal("fake", start.GetProperty("provider").GetString());
        Assert.Equal("fake-1", start.GetProperty("model").GetString());
        Assert.False(string.IsNullOrEmpty(start.GetProperty("id").GetString()));
        Assert.Equal("Let me think.", events[1].Json.GetProperty("thinking").GetString());
        Assert.Equal("Hello", events[2].Json.GetProperty("content").GetString());
        Assert.Equal(", world", events[3].Json.GetProperty("content").GetString());
        var call = events[4].Json;
        Assert.Equal("call_1", call.GetProperty("id").GetString());
        Assert.Equal("get_weather", call.GetProperty("name").GetString());
        Assert.Equal("Paris", call.GetProperty("arguments").GetProperty("city").GetString());
        var done = events[5].Json;
        Assert.True(done.GetProperty("done").GetBoolean());
        Assert.Equal("tool_calls", done.GetProperty("finish_reason").GetString());
        Assert.Equal(12, done.GetProperty("usage").GetProperty("input_tokens").GetInt32());
        Assert.Equal(7, done.GetProperty("usage").GetProperty("output_tokens").GetInt32());
        Assert.Equal(3, done.GetProperty("usage").GetProperty("reasoning_tokens").GetInt32());
        Assert.Equal(JsonValueKind.Number, done.GetProperty("elapsed_ms").ValueKind);
        Assert.Equal(JsonValueKind.Number, done.GetProperty("ttft_ms").ValueKind);
    }

    [Fact]
    public async Task Stream_SendsStartBeforeTheProviderAnswers_AndEachChunkAsItArrives()
    {
        await using var app = await TestApp.StartAsync();
        var script = app.Provider.NextCall();

        using var response = await app.PostStreamAsync(Hello);
        await using var sse = new SseReader(await response.Content.ReadAsStreamAsync());

        Assert.Equal("start", (await sse.NextEventAsync())!.Event);
        await Wait.ForAsync(script.Started.Task, "the provider call");
        script.Text("one");
        Assert.Equal("one", (await sse.NextEventAsync())!.Json.GetProperty("content").GetString());
        script.Text("two");
        Assert.Equal("two", (await sse.NextEventAsync())!.Json.GetProperty("content").GetString());
        script.Finish();
        Assert.Equal("done", (await sse.NextEventAsync())!.Event);
        Assert.Null(await sse.NextAsync());
    }

    [Fact]
    public async Task Stream_SilentUpstream_SendsPingAfterHeartbeatInterval()
    {
        await using var app = await TestApp.StartAsync(new() { ["NxtAIGen:Streaming:HeartbeatInterval"] = "00:00:15" });
        var script = app.Provider.NextCall();
        using var response = await app.PostStreamAsync(Hello);
        await using var sse = new SseReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal("start", (await sse.NextAsync())!.Event);
        await Wait.ForAsync(script.Started.Task, "the provider call");

        app.Time.Advance(TimeSpan.FromSeconds(15));
        var ping = await sse.NextAsync();

        Assert.True(ping!.IsPing, $"expected a ping, got {ping}");
        Assert.Equal("ping", ping.Comment);
        script.Text("after").Finish();
        Assert.Equal("content", (await sse.NextAsync())!.Event);
    }

    [Fact]
    public async Task Stream_UpstreamSilentPastIdleTimeout_EndsWithTimeoutErrorAndCancelsProvider()
    {
        await using var app = await TestApp.StartAsync(new() { ["NxtAIGen:Streaming:IdleTimeout"] = "00:00:30" });
        var script = app.Provider.NextCall();
        using var response = await app.PostStreamAsync(Hello);
        await using var sse = new SseReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal("start", (await sse.NextEventAsync())!.Event);
        await Wait.ForAsync(script.Started.Task, "the provider call");
        script.Text("partial");
        Assert.Equal("content", (await sse.NextEventAsync())!.Event);

        app.Time.Advance(TimeSpan.FromSeconds(30));

        var error = await sse.NextEventAsync();
        Assert.Equal("error", error!.Event);
        Assert.Equal("timeout", error.Json.GetProperty("code").GetString());
        await Wait.ForAsync(script.Canceled.Task, "the provider's cancellation");
        Assert.Null(await sse.NextEventAsync());
    }

    [Fact]
    public async Task Stream_IdleTimerIsRearmedByEachChunk()
    {
        await using var app = await TestApp.StartAsync(new() { ["NxtAIGen:Streaming:IdleTimeout"] = "00:00:30" });
        var script = app.Provider.NextCall();
        using var response = await app.PostStreamAsync(Hello);
        await using var sse = new SseReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal("start", (await sse.NextEventAsync())!.Event);
        await Wait.ForAsync(script.Started.Task, "the provider call");

        for (var i = 0; i < 3; i++)
        {
            app.Time.Advance(TimeSpan.FromSeconds(20));
            script.Text($"t{i}");
            Assert.Equal($"t{i}", (await sse.NextEventAsync())!.Json.GetProperty("content").GetString());
        }

        script.Finish();
        Assert.Equal("done", (await sse.NextEventAsync())!.Event);
    }

    [Fact]
    public async Task Stream_ProviderEndsWithoutFinish_IsIncompleteNotDone()
    {
        await using var app = await TestApp.StartAsync();
        app.Provider.NextCall().Text("cut").End();

        using var response = await app.PostStreamAsync(Hello);
        await using var sse = new SseReader(await response.Content.ReadAsStreamAsync());
        var events = (await sse.ReadToEndAsync()).Where(f => !f.IsPing).ToList();

        Assert.Equal(["start", "content", "error"], events.Select(e => e.Event));
        Assert.Equal("incomplete", events[2].Json.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Stream_ErrorAfterContent_IsOneErrorEventAndNotRetried()
    {
        await using var app = await TestApp.StartAsync();
        app.Provider.NextCall().Text("Hel").Throw(new NxtAIGenProviderException(ProviderErrorKind.RateLimited, "fake", "fake: slow down.")
        {
            RetryAfter = TimeSpan.FromSeconds(7),
        });
        app.Provider.NextCall().Text("never").Finish();

        using var response = await app.PostStreamAsync(Hello);
        await using var sse = new SseReader(await response.Content.ReadAsStreamAsync());
        var events = (await sse.ReadToEndAsync()).Where(f => !f.IsPing).ToList();

        Assert.Equal(["start", "content", "error"], events.Select(e => e.Event));
        var error = events[2].Json;
        Assert.Equal("rate_limited", error.GetProperty("code").GetString());
        Assert.Equal(7, error.GetProperty("retry_after").GetInt32());
        Assert.Equal("fake: slow down.", error.GetProperty("error").GetString());
        Assert.Equal(1, app.Provider.Calls);
    }

    [Fact]
    public async Task Stream_TransientFailureBeforeContent_IsRetried()
    {
        await using var app = await TestApp.StartAsync();
        app.Provider.NextCall().Throw(new NxtAIGenProviderException(ProviderErrorKind.Overloaded, "fake", "fake: overloaded."));
        app.Provider.NextCall().Text("ok").Finish();

        using var response = await app.PostStreamAsync(Hello);
        await using var sse = new SseReader(await response.Content.ReadAsStreamAsync());
        var events = (await sse.ReadToEndAsync()).Where(f => !f.IsPing).ToList();

        Assert.Equal(["start", "content", "done"], events.Select(e => e.Event));
        Assert.Equal(2, app.Provider.Calls);
    }

    [Fact]
    public async Task Stream_RetryWaitsForRetryAfter()
    {
        await using var app = await TestApp.StartAsync();
        app.Provider.NextCall().Throw(new NxtAIGenProviderException(ProviderErrorKind.RateLimited, "fake", "fake: 429.") { RetryAfter = TimeSpan.FromSeconds(5) });
        var second = app.Provider.NextCall();

        using var response = await app.PostStreamAsync(Hello);
        await using var sse = new SseReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal("start", (await sse.NextEventAsync())!.Event);
        await Wait.UntilAsync(() => app.Provider.Calls == 1, "the first attempt");
        app.Time.Advance(TimeSpan.FromSeconds(4));
        Assert.False(second.Started.Task.IsCompleted, "retried before Retry-After elapsed");

        await Wait.UntilAsync(() => second.Started.Task.IsCompleted, "the retry", () => app.Time.Advance(TimeSpan.FromMilliseconds(500)));
        second.Text("ok").Finish();
        Assert.Equal("content", (await sse.NextEventAsync())!.Event);
        Assert.Equal("done", (await sse.NextEventAsync())!.Event);
    }

    [Fact]
    public async Task Stream_RetryAfterLongerThanMaxRetryAfter_IsNotRetried()
    {
        await using var app = await TestApp.StartAsync(new() { ["NxtAIGen:Streaming:Retry:MaxRetryAfter"] = "00:00:10" });
        app.Provider.NextCall().Throw(new NxtAIGenProviderException(ProviderErrorKind.RateLimited, "fake", "fake: 429.") { RetryAfter = TimeSpan.FromSeconds(60) });

        using var response = await app.PostStreamAsync(Hello);
        await using var sse = new SseReader(await response.Content.ReadAsStreamAsync());
        var events = (await sse.ReadToEndAsync()).Where(f => !f.IsPing).ToList();

        Assert.Equal(["start", "error"], events.Select(e => e.Event));
        Assert.Equal(60, events[1].Json.GetProperty("retry_after").GetInt32());
        Assert.Equal(1, app.Provider.Calls);
    }

    [Fact]
    public async Task Stream_NonTransientFailure_IsProviderErrorWithoutRetry()
    {
        await using var app = await TestApp.StartAsync();
        app.Provider.NextCall().Throw(new NxtAIGenProviderException(ProviderErrorKind.Authentication, "fake", "fake: HTTP 401 Unauthorized: Incorrect API key provided: sk-***.") { StatusCode = 401 });

        using var response = await app.PostStreamAsync(Hello);
        await using var sse = new SseReader(await response.Content.ReadAsStreamAsync());
        var events = (await sse.ReadToEndAsync()).Where(f => !f.IsPing).ToList();

        Assert.Equal(["start", "error"], events.Select(e => e.Event));
        Assert.Equal("provider_error", events[1].Json.GetProperty("code").GetString());
        Assert.Equal(1, app.Provider.Calls);
    }

    [Fact]
    public async Task Stream_UnexpectedException_IsInternalErrorWithoutDetails()
    {
        await using var app = await TestApp.StartAsync();
        app.Provider.NextCall().Text("a").Throw(new InvalidOperationException("secret internals at Foo.Bar()"));

        using var response = await app.PostStreamAsync(Hello);
        await using var sse = new SseReader(await response.Content.ReadAsStreamAsync());
        var events = (await sse.ReadToEndAsync()).Where(f => !f.IsPing).ToList();

        Assert.Equal("error", events[^1].Event);
        Assert.Equal("internal", events[^1].Json.GetProperty("code").GetString());
        Assert.DoesNotContain("secret", events[^1].Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_ClientDisconnects_CancelsTheProvider()
    {
        await using var app = await TestApp.StartAsync();
        var script = app.Provider.NextCall();
        var response = await app.PostStreamAsync(Hello);
        var sse = new SseReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal("start", (await sse.NextEventAsync())!.Event);
        await Wait.ForAsync(script.Started.Task, "the provider call");
        script.Text("partial");
        Assert.Equal("content", (await sse.NextEventAsync())!.Event);

        await sse.DisposeAsync();
        response.Dispose();

        await Wait.ForAsync(script.Canceled.Task, "the provider's cancellation after the client left");
    }

    [Fact]
    public async Task Stream_SendsHistoryAndOptionsToTheProvider()
    {
        await using var app = await TestApp.StartAsync();
        app.Provider.NextCall().Text("ok").Finish();

        using var response = await app.PostStreamAsync(new
        {
            model = "fake-2",
            messages = new object[]
            {
                new { role = "system", content = "Be brief." },
                new { role = "user", content = "Hi" },
                new { role = "assistant", content = "Hello!" },
                new { role = "user", content = "And again?", files = new[] { new { name = "notes.txt", media_type = "text/plain", data = Convert.ToBase64String("remember this"u8) } } },
            },
            reasoning = new { effort = "high" },
            max_output_tokens = 100,
            temperature = 0.5,
        });
        await using var sse = new SseReader(await response.Content.ReadAsStreamAsync());
        await sse.ReadToEndAsync();

        var request = Assert.Single(app.Provider.Requests);
        Assert.Equal("fake-2", request.Model);
        Assert.Equal([ChatRole.System, ChatRole.User, ChatRole.Assistant, ChatRole.User], request.Messages.Select(m => m.Role));
        Assert.Equal("Hello!", request.Messages[2].Text);
        var document = Assert.IsType<DocumentPart>(request.Messages[3].Parts[1]);
        Assert.Equal("notes.txt", document.Name);
        Assert.Equal("remember this", document.Text);
        Assert.Equal(ChatReasoningEffort.High, request.Reasoning?.Effort);
        Assert.Equal(100, request.MaxOutputTokens);
        Assert.Equal(0.5f, request.Temperature);
    }

    [Fact]
    public async Task Stream_MessageShorthandAndThinkingFlag_AreOneUserTurnWithMediumReasoning()
    {
        await using var app = await TestApp.StartAsync();
        app.Provider.NextCall().Finish();

        using var response = await app.PostStreamAsync(new { message = "hello there", thinking = true });
        await using var sse = new SseReader(await response.Content.ReadAsStreamAsync());
        await sse.ReadToEndAsync();

        var request = Assert.Single(app.Provider.Requests);
        var message = Assert.Single(request.Messages);
        Assert.Equal(ChatRole.User, message.Role);
        Assert.Equal("hello there", message.Text);
        Assert.Equal(ChatReasoningEffort.Medium, request.Reasoning?.Effort);
        Assert.Equal("fake-1", request.Model);
    }
}
