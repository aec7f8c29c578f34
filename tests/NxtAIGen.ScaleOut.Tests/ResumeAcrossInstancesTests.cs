using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NxtAIGen.AspNetCore;
using NxtAIGen.AspNetCore.Tests;
using NxtAIGen.Storage.EntityFrameworkCore.Tests;
using NxtAIGen.Storage.Redis;
using static NxtAIGen.AspNetCore.Tests.ResumeRequests;

namespace NxtAIGen.ScaleOut.Tests;

/// <summary>Resumable streams buffered in Redis: started on one instance, resumed, followed and stopped on the other.</summary>
[Collection(ScaleOutGroup.Name)]
public sealed class ResumeAcrossInstancesTests : IAsyncLifetime
{
    private const string Alice = "alice";
    private readonly RedisServer _redis;
    private readonly PostgresServer _postgres;
    private readonly Instances _instances = new();

    public ResumeAcrossInstancesTests(RedisServer redis, PostgresServer postgres)
    {
        _redis = redis;
        _postgres = postgres;
    }

    [SkippableFact]
    public async Task StreamStartedOnA_ResumedOnB_LosesAndRepeatsNoEvent()
    {
        var (a, b) = await _instances.StartPairAsync(_redis, _postgres, Enabled());
        var script = a.Provider.NextCall();
        var (id, first) = await StartAsync(a, Alice, script, "a");

        // The client leaves instance A; the generation goes on there, buffered in Redis.
        await first.DisposeAsync();
        script.Text("b").Text("c");

        using var resumed = await ResumeAsync(b, id, user: Alice, lastEventId: "2");
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        await using var sse = new SseReader(await resumed.Content.ReadAsStreamAsync());
        Assert.Equal("3:b", Describe(await sse.NextEventAsync()));
        Assert.Equal("4:c", Describe(await sse.NextEventAsync()));

        // Live from A, through Redis, to the reader on B.
        script.Text("d").Finish();
        Assert.Equal(["5:d", "6:done"], (await sse.ReadToEndAsync()).Where(f => !f.IsPing).Select(Describe));
        Assert.False(script.Canceled.Task.IsCompleted, "A disconnect must not cancel a resumable generation.");
        Assert.Equal(0, b.Provider.Calls);

        // A replay from the start, on either instance, is the whole stream once, in order.
        foreach (var app in new[] { a, b })
        {
            using var replay = await ResumeAsync(app, id, user: Alice, lastEventId: "0");
            await using var all = new SseReader(await replay.Content.ReadAsStreamAsync());
            Assert.Equal(["1:start", "2:a", "3:b", "4:c", "5:d", "6:done"], (await all.ReadToEndAsync()).Where(f => !f.IsPing).Select(Describe));
        }

        Assert.IsType<RedisResumableStreamStore>(a.Services.GetRequiredService<IResumableStreamStore>());
        Assert.Equal(2, (await Instances.RedisKeysAsync(a, "{stream:" + id + "}:*")).Length);
    }

    [SkippableFact]
    public async Task StopOnB_CancelsTheGenerationOnA_AndEndsItsReaderWithCanceled()
    {
        var (a, b) = await _instances.StartPairAsync(_redis, _postgres, Enabled());
        var script = a.Provider.NextCall();
        var (id, first) = await StartAsync(a, Alice, script, "partial");
        await using var _ = first;

        using (var stop = await StopAsync(b, id, user: Alice))
        {
            Assert.Equal(HttpStatusCode.NoContent, stop.StatusCode);
        }

        await Wait.ForAsync(script.Canceled.Task, "the provider's cancellation on A after the stop on B");
        var error = Assert.Single(await first.ReadToEndAsync(), f => !f.IsPing);
        Assert.Equal(("error", "3"), (error.Event, error.Id));
        Assert.Equal("canceled", error.Json.GetProperty("code").GetString());

        using var resumed = await ResumeAsync(b, id, user: Alice, lastEventId: "2");
        await using var replay = new SseReader(await resumed.Content.ReadAsStreamAsync());
        Assert.Equal(["3:error"], (await replay.ReadToEndAsync()).Where(f => !f.IsPing).Select(Describe));
    }

    [SkippableFact]
    public async Task ReaderLeavingB_StartsTheGracePeriodOfTheGenerationOnA()
    {
        var (a, b) = await _instances.StartPairAsync(_redis, _postgres, Enabled());
        var script = a.Provider.NextCall();
        var (id, first) = await StartAsync(a, Alice, script, "a");
        await first.DisposeAsync();

        using (var resumed = await ResumeAsync(b, id, user: Alice, lastEventId: "1"))
        {
            await using var sse = new SseReader(await resumed.Content.ReadAsStreamAsync());
            Assert.Equal("2:a", Describe(await sse.NextEventAsync()));
        }

        // B's reader is gone too: A hears it through Redis and its grace period runs on A's clock.
        await Wait.UntilAsync(() => script.Canceled.Task.IsCompleted, "the grace period on A to cancel the upstream", () => a.Time.Advance(TimeSpan.FromSeconds(30)));
        using var last = await ResumeAsync(b, id, user: Alice, lastEventId: "2");
        await using var tail = new SseReader(await last.Content.ReadAsStreamAsync());
        var error = Assert.Single(await tail.ReadToEndAsync(), f => !f.IsPing);
        Assert.Equal("canceled", error.Json.GetProperty("code").GetString());
    }

    [SkippableFact]
    public async Task OnlyTheOwner_FindsTheStream_OnTheOtherInstance()
    {
        var (a, b) = await _instances.StartPairAsync(_redis, _postgres, Enabled());
        var script = a.Provider.NextCall();
        var (id, first) = await StartAsync(a, Alice, script, "secret");
        await using var _ = first;

        using (var other = await ResumeAsync(b, id, user: "mallory"))
        {
            await AssertNotFoundAsync(other);
        }

        using (var stop = await StopAsync(b, id, user: "mallory"))
        {
            await AssertNotFoundAsync(stop);
        }

        script.Text("more").Finish();
        Assert.Equal(["3:more", "4:done"], (await first.ReadToEndAsync()).Where(f => !f.IsPing).Select(Describe));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _instances.DisposeAsync();
}
