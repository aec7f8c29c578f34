using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NxtAIGen.Abstractions;

using static NxtAIGen.AspNetCore.Tests.ResumeRequests;

namespace NxtAIGen.AspNetCore.Tests;

/// <summary>Resumable streams: SSE ids, <c>GET chat/stream/{id}</c> with <c>Last-Event-ID</c>, <c>POST chat/stream/{id}/stop</c>.</summary>
public sealed class ResumableStreamTests
{
    private const string Alice = "alice";
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    private static readonly Dictionary<string, string?> Resume = ResumeRequests.Enabled();

    [Fact]
    public async Task Stream_EveryEventCarriesItsSequenceNumber_HeartbeatsNone()
    {
        await using var app = await TestApp.StartAsync();
        var script = app.Provider.NextCall();
        using var response = await PostAsync(app, user: Alice);
        await using var sse = new SseReader(await response.Content.ReadAsStreamAsync());
        var start = await sse.NextAsync();
        Assert.Equal(("start", "1"), (start!.Event, start.Id));
        await Wait.ForAsync(script.Started.Task, "the provider call");

        app.Time.Advance(TimeSpan.FromSeconds(15));
        var ping = await sse.NextAsync();
        Assert.True(ping!.IsPing);
        Assert.Null(ping.Id);

        script.Text("Hel").Text("lo").Finish();
        var rest = (await sse.ReadToEndAsync()).Where(f => !f.IsPing).ToList();
        Assert.Equal(["content:2", "content:3", "done:4"], rest.Select(f => $"{f.Event}:{f.Id}"));
    }

    [Fact]
    public async Task Disabled_ResumeAndStopAreNotFound_AndADisconnectStillCancels()
    {
        await using var app = await TestApp.StartAsync();
        var script = app.Provider.NextCall();
        var response = await PostAsync(app, user: Alice);
        var sse = new SseReader(await response.Content.ReadAsStreamAsync());
        var id = (await sse.NextEventAsync())!.Json.GetProperty("id").GetString()!;
        await Wait.ForAsync(script.Started.Task, "the provider call");

        using (var resumed = await ResumeAsync(app, id, user: Alice))
        {
            await AssertNotFoundAsync(resumed);
        }

        using (var stop = await StopAsync(app, id, user: Alice))
        {
            await AssertNotFoundAsync(stop);
        }

        await sse.DisposeAsync();
        response.Dispose();
        await Wait.ForAsync(script.Canceled.Task, "the provider's cancellation after the client left");
    }

    [Fact]
    public async Task Resume_AfterDisconnect_ReplaysWhatWasMissed_ThenContinuesLive()
    {
        await using var app = await TestApp.StartAsync(Resume);
        var script = app.Provider.NextCall();
        var (id, first) = await StartAsync(app, Alice, script, "a");

        // The client leaves; the generation goes on, buffered.
        await first.DisposeAsync();
        script.Text("b").Text("c");

        using var resumed = await ResumeAsync(app, id, user: Alice, lastEventId: "2");
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        Assert.Equal("text/event-stream", resumed.Content.Headers.ContentType?.MediaType);
        await using var sse = new SseReader(await resumed.Content.ReadAsStreamAsync());
        Assert.Equal("3:b", Describe(await sse.NextEventAsync()));
        Assert.Equal("4:c", Describe(await sse.NextEventAsync()));

        script.Text("d").Finish();
        var rest = (await sse.ReadToEndAsync()).Where(f => !f.IsPing).ToList();
        Assert.Equal(["5:d", "6:done"], rest.Select(Describe));
        Assert.False(script.Canceled.Task.IsCompleted, "A disconnect must not cancel a resumable generation.");
    }

    [Fact]
    public async Task Resume_FromZeroAfterDone_ReplaysExactlyWhatTheFirstClientGot_ThenEnds()
    {
        await using var app = await TestApp.StartAsync(Resume);
        app.Provider.NextCall().Yield(ChatChunk.ForReasoning("Hmm.")).Text("Hello").Text(", world").Finish();
        using var response = await PostAsync(app, user: Alice);
        await using var sse = new SseReader(await response.Content.ReadAsStreamAsync());
        var original = (await sse.ReadToEndAsync()).Where(f => !f.IsPing).ToList();
        Assert.Equal(["start", "thinking", "content", "content", "done"], original.Select(f => f.Event));
        var id = original[0].Json.GetProperty("id").GetString()!;

        foreach (var lastEventId in new string?[] { null, "0" })
        {
            using var resumed = await ResumeAsync(app, id, user: Alice, lastEventId: lastEventId);
            await using var replay = new SseReader(await resumed.Content.ReadAsStreamAsync());
            var frames = (await replay.ReadToEndAsync()).Where(f => !f.IsPing).ToList();
            Assert.Equal(original.Select(f => (f.Id, f.Event, f.Data)), frames.Select(f => (f.Id, f.Event, f.Data)));
        }

        using var fromDone = await ResumeAsync(app, id, user: Alice, lastEventId: "4");
        await using var tail = new SseReader(await fromDone.Content.ReadAsStreamAsync());
        Assert.Equal(["5:done"], (await tail.ReadToEndAsync()).Where(f => !f.IsPing).Select(Describe));
    }

    [Fact]
    public async Task Stop_CancelsTheUpstream_AndEndsEveryReaderWithCanceled()
    {
        var observer = new RecordingObserver();
        await using var app = await TestApp.StartAsync(Resume, configure: b => b.Services.AddSingleton<IChatStreamObserver>(observer));
        var script = app.Provider.NextCall();
        var (id, first) = await StartAsync(app, Alice, script, "partial");
        await using var _ = first;

        using (var stop = await StopAsync(app, id, user: Alice))
        {
            Assert.Equal(HttpStatusCode.NoContent, stop.StatusCode);
        }

        await Wait.ForAsync(script.Canceled.Task, "the provider's cancellation after the stop");
        var end = (await first.ReadToEndAsync()).Where(f => !f.IsPing).ToList();
        var error = Assert.Single(end);
        Assert.Equal(("error", "3"), (error.Event, error.Id));
        Assert.Equal("canceled", error.Json.GetProperty("code").GetString());
        Assert.Equal("The answer was stopped.", error.Json.GetProperty("error").GetString());

        var completion = await observer.Ended.Task.WaitAsync(Wait.Deadline);
        Assert.Equal(ChatStreamTermination.Disconnected, completion.Termination);
        Assert.Equal("partial", completion.Text);
        Assert.Equal(1, observer.EndCalls);

        // Stopped for good: a resume replays to the error, and a second stop is harmless.
        using var resumed = await ResumeAsync(app, id, user: Alice, lastEventId: "2");
        await using var replay = new SseReader(await resumed.Content.ReadAsStreamAsync());
        Assert.Equal(["3:error"], (await replay.ReadToEndAsync()).Where(f => !f.IsPing).Select(Describe));
        using var again = await StopAsync(app, id, user: Alice);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
    }

    [Fact]
    public async Task GracePeriod_WithNoReader_CancelsTheUpstream()
    {
        await using var app = await TestApp.StartAsync(Resume);
        var script = app.Provider.NextCall();
        var (id, first) = await StartAsync(app, Alice, script, "a");
        await first.DisposeAsync();

        // The grace timer starts when the server notices the reader left: keep moving the clock until it fires.
        await Wait.UntilAsync(() => script.Canceled.Task.IsCompleted, "the grace period to cancel the upstream", () => app.Time.Advance(Grace));

        using var resumed = await ResumeAsync(app, id, user: Alice, lastEventId: "2");
        await using var replay = new SseReader(await resumed.Content.ReadAsStreamAsync());
        var error = Assert.Single(await replay.ReadToEndAsync(), f => !f.IsPing);
        Assert.Equal("canceled", error.Json.GetProperty("code").GetString());
        Assert.Equal("The answer was stopped because no client was reading it.", error.Json.GetProperty("error").GetString());
    }

    [Fact]
    public async Task GracePeriod_DoesNotCancel_WhileAResumedReaderReads()
    {
        await using var app = await TestApp.StartAsync(Resume);
        var script = app.Provider.NextCall();
        var (id, first) = await StartAsync(app, Alice, script, "a");
        await first.DisposeAsync();

        // Nothing new is buffered yet: the headers must come at once all the same.
        using var resumed = await ResumeAsync(app, id, user: Alice, lastEventId: "2").WaitAsync(Wait.Deadline);
        await using var sse = new SseReader(await resumed.Content.ReadAsStreamAsync());
        script.Text("b");
        Assert.Equal("3:b", Describe(await sse.NextEventAsync().WaitAsync(Wait.Deadline)));

        // Whenever the server noticed the first reader leave, the second was counted by the time it got event 3.
        app.Time.Advance(Grace * 3);
        Assert.False(script.Canceled.Task.IsCompleted, "A generation with a reader must outlive its grace period.");
        script.Text("c").Finish();
        Assert.Equal(["4:c", "5:done"], (await sse.ReadToEndAsync().WaitAsync(Wait.Deadline)).Where(f => !f.IsPing).Select(Describe));
    }

    [Fact]
    public async Task Quota_IsChargedOnce_HoweverOftenTheGuestResumes()
    {
        await using var app = await TestApp.StartAsync(Resume);
        var script = app.Provider.NextCall();
        using var response = await app.ChatAsync();
        var cookie = QuotaHttp.IssuedCookie(response)!;
        var first = new SseReader(await response.Content.ReadAsStreamAsync());
        var id = (await first.NextEventAsync())!.Json.GetProperty("id").GetString()!;
        await Wait.ForAsync(script.Started.Task, "the provider call");
        script.Text("a");
        Assert.Equal("content", (await first.NextEventAsync())!.Event);
        await first.DisposeAsync();

        for (var i = 0; i < 2; i++)
        {
            using var partial = await ResumeAsync(app, id, cookie: cookie, lastEventId: "1");
            await using var sse = new SseReader(await partial.Content.ReadAsStreamAsync());
            Assert.Equal("2:a", Describe(await sse.NextEventAsync()));
        }

        script.Finish();
        using var last = await ResumeAsync(app, id, cookie: cookie, lastEventId: "2");
        await using var tail = new SseReader(await last.Content.ReadAsStreamAsync());
        var done = Assert.Single(await tail.ReadToEndAsync(), f => !f.IsPing);
        Assert.Equal("done", done.Event);
        Assert.Equal(1, done.Json.GetProperty("usage_count").GetInt32());
        Assert.Equal(1, (await app.LimitsAsync(cookie: cookie)).GetProperty("usage").GetProperty("guest").GetInt32());
    }

    [Fact]
    public async Task Observers_SeeOneStartAndOneEnd_WithTheWholeAnswer_AcrossADisconnect()
    {
        var observer = new RecordingObserver();
        await using var app = await TestApp.StartAsync(Resume, configure: b => b.Services.AddSingleton<IChatStreamObserver>(observer));
        var script = app.Provider.NextCall();
        var (_, first) = await StartAsync(app, Alice, script, "Hel");
        await first.DisposeAsync();
        script.Text("lo").Finish();

        var completion = await observer.Ended.Task.WaitAsync(Wait.Deadline);
        Assert.Equal(ChatStreamTermination.Done, completion.Termination);
        Assert.Equal("Hello", completion.Text);
        Assert.Single(observer.Starts);
        Assert.Equal(1, observer.EndCalls);
    }

    [Fact]
    public async Task OnlyTheOwner_CanResumeOrStop_OthersGetNotFound()
    {
        await using var app = await TestApp.StartAsync(Resume);
        var script = app.Provider.NextCall();
        var (id, first) = await StartAsync(app, Alice, script, "secret");
        await using var _ = first;

        using (var other = await ResumeAsync(app, id, user: "mallory"))
        {
            await AssertNotFoundAsync(other);
        }

        using (var guest = await ResumeAsync(app, id))
        {
            await AssertNotFoundAsync(guest);
        }

        using (var stop = await StopAsync(app, id, user: "mallory"))
        {
            await AssertNotFoundAsync(stop);
        }

        using (var unknown = await ResumeAsync(app, Guid.CreateVersion7().ToString("N"), user: Alice))
        {
            await AssertNotFoundAsync(unknown);
        }

        // The stranger's stop did nothing: the owner's stream goes on.
        script.Text("more").Finish();
        Assert.Equal(["3:more", "4:done"], (await first.ReadToEndAsync()).Where(f => !f.IsPing).Select(Describe));
        Assert.False(script.Canceled.Task.IsCompleted);
    }

    [Fact]
    public async Task Resume_WithAnInvalidLastEventId_IsABadRequest()
    {
        await using var app = await TestApp.StartAsync(Resume);
        app.Provider.NextCall().Text("ok").Finish();
        var (_, events, _, _) = await app.ChatToEndAsync(user: Alice);
        var id = events[0].Json.GetProperty("id").GetString()!;

        using var response = await ResumeAsync(app, id, user: Alice, lastEventId: "-1");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Resume_AfterTheBufferLifetime_IsNotFound()
    {
        await using var app = await TestApp.StartAsync(Resume);
        app.Provider.NextCall().Text("ok").Finish();
        var (_, events, _, _) = await app.ChatToEndAsync(user: Alice);
        var id = events[0].Json.GetProperty("id").GetString()!;

        app.Time.Advance(TimeSpan.FromMinutes(4));
        using (var stillThere = await ResumeAsync(app, id, user: Alice))
        {
            Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
        }

        app.Time.Advance(TimeSpan.FromMinutes(1));
        using var gone = await ResumeAsync(app, id, user: Alice);
        await AssertNotFoundAsync(gone);
    }

    [Fact]
    public async Task Resume_NeedingDroppedEvents_IsNotFound_ButTheBufferedTailReplays()
    {
        var settings = new Dictionary<string, string?>(Resume) { ["NxtAIGen:Streaming:Resume:MaxBufferedEvents"] = "16" };
        await using var app = await TestApp.StartAsync(settings);
        var script = app.Provider.NextCall();
        var (id, first) = await StartAsync(app, Alice, script, "t0");
        await using (first)
        {
            // A reader that keeps up gets every event, however many are dropped behind it.
            for (var i = 1; i < 20; i++)
            {
                script.Text($"t{i}");
                Assert.Equal($"{i + 2}:t{i}", Describe(await first.NextEventAsync()));
            }

            script.Finish();
            Assert.Equal("22:done", Describe(await first.NextEventAsync()));
        }

        using (var fromStart = await ResumeAsync(app, id, user: Alice))
        {
            await AssertNotFoundAsync(fromStart);
        }

        using var fromTail = await ResumeAsync(app, id, user: Alice, lastEventId: "6");
        await using var sse = new SseReader(await fromTail.Content.ReadAsStreamAsync());
        var tail = (await sse.ReadToEndAsync()).Where(f => !f.IsPing).ToList();
        Assert.Equal(Enumerable.Range(7, 16).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), tail.Select(f => f.Id));
    }

    private static Task<HttpResponseMessage> PostAsync(TestApp app, string user) => app.ChatAsync(user: user);
}
