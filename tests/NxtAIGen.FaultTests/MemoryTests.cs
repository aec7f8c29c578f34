using System.Globalization;
using Xunit.Abstractions;

namespace NxtAIGen.FaultTests;

/// <summary>
/// Faults repeated many times leave no memory behind. Two checks: every stream's <see cref="AspNetCore.ChatStreamStart"/>
/// (request, messages, caller) is collected once the streams are over (a precise check: one retained request fails
/// it), and the managed heap after many repetitions is back within a tolerance of the heap after the warm-up (a
/// coarse check that also catches leaks of objects the test cannot name: buffers, timers, the upstream response).
/// Runs alone, since the heap size is the process's.
/// </summary>
[Collection(BurstGroup.Name)]
public sealed class MemoryTests(ITestOutputHelper output)
{
    private const int WarmUpRounds = 3;
    private const int Rounds = 25;

    /// <summary>Heap growth allowed over <see cref="Rounds"/> rounds of five faults: 2 MB, about 16 KB a stream; a leaked 16 KB per stream (a request body, a read buffer) or any stream's buffers, exceeds it.</summary>
    private const long Tolerance = 2 * 1024 * 1024;

    [Fact]
    public async Task RepeatedFaults_LeaveNoRequestAndNoHeapGrowthBehind()
    {
        await using var upstream = FaultyUpstream.Start();
        await using var app = await FaultApp.StartAsync(upstream);
        upstream.Then(RoundScript);

        for (var i = 0; i < WarmUpRounds; i++)
        {
            await RunRoundAsync(app, upstream);
        }

        var before = CollectedHeap();
        for (var i = 0; i < Rounds; i++)
        {
            await RunRoundAsync(app, upstream);
        }

        await app.AssertNothingLeftAsync();
        var after = CollectedHeap();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"heap after warm-up {before / 1024} KB, after {Rounds} more rounds ({Rounds * 5} faulty streams) {after / 1024} KB: {(after - before) / 1024} KB growth (tolerance {Tolerance / 1024} KB)"));
        Assert.Equal((WarmUpRounds + Rounds) * 5, app.Tracker.Started);
        Assert.Equal(0, app.Tracker.StillAlive());
        Assert.True(after - before < Tolerance, $"the heap grew by {(after - before) / 1024} KB over {Rounds} rounds");
    }

    /// <summary>The fault each request gets, by its number: reset after content, stall, no headers, malformed JSON, client gone.</summary>
    private static async Task RoundScript(UpstreamExchange e)
    {
        var kind = e.Body.Contains("\"reset\"", StringComparison.Ordinal) ? "reset"
            : e.Body.Contains("\"stall\"", StringComparison.Ordinal) ? "stall"
            : e.Body.Contains("\"silent\"", StringComparison.Ordinal) ? "silent"
            : e.Body.Contains("\"malformed\"", StringComparison.Ordinal) ? "malformed"
            : "hang";
        switch (kind)
        {
            case "reset":
                await e.WriteHeadersAsync(200);
                await e.WriteEventAsync(Upstream.Content("Hello"));
                e.Reset();
                break;
            case "stall":
                await e.WriteHeadersAsync(200);
                await e.WriteEventAsync(Upstream.Content("Hello"));
                await e.WaitForPeerCloseAsync();
                break;
            case "silent":
            case "hang":
                await e.WaitForPeerCloseAsync();
                break;
            default:
                await e.WriteHeadersAsync(200);
                await e.WriteEventAsync(Upstream.Content("Hello"));
                await e.WriteAsync("data: {not json\n\ndata: {\"choices\":[]}\n\n"u8.ToArray());
                break;
        }
    }

    private static async Task RunRoundAsync(FaultApp app, FaultyUpstream upstream)
    {
        // Reset after content: the error event.
        await ReadToErrorAsync(app, "reset");

        // Stall after content, then silence before headers: both end at the idle timeout.
        foreach (var message in new[] { "stall", "silent" })
        {
            var response = await PostAsync(app, message);
            await using var session = new SseSession(response, await response.Content.ReadAsStreamAsync());
            await session.ExpectAsync("start");
            await Poll.UntilAsync(() => upstream.Exchanges.Any(x => x.Body.Contains($"\"{message}\"", StringComparison.Ordinal) && !x.Ended.IsCompleted), "the upstream request");
            if (message == "stall")
            {
                await session.ExpectAsync("content");
            }

            app.Time.Advance(FaultApp.IdleTimeout);
            Assert.Equal("timeout", (await session.ExpectAsync("error")).GetProperty("code").GetString());
        }

        // Malformed JSON after content.
        await ReadToErrorAsync(app, "malformed");

        // The client hangs up while the upstream is silent.
        var hang = await PostAsync(app, "hang");
        await using (var session = new SseSession(hang, await hang.Content.ReadAsStreamAsync()))
        {
            await session.ExpectAsync("start");
            await Poll.UntilAsync(() => upstream.Exchanges.Any(x => x.Body.Contains("\"hang\"", StringComparison.Ordinal) && !x.Ended.IsCompleted), "the upstream request");
        }

        await upstream.AllEndedAsync();
        upstream.ForgetEnded();
    }

    private static async Task ReadToErrorAsync(FaultApp app, string message)
    {
        var response = await PostAsync(app, message);
        await using var session = new SseSession(response, await response.Content.ReadAsStreamAsync());
        await session.ExpectAsync("start");

        // A reset can beat the content it follows to the app (the kernel drops unread data on a reset), so only the end is fixed.
        var items = await session.ReadToEndAsync();
        Assert.Equal("error", items[^1].EventType);
    }

    private static async Task<HttpResponseMessage> PostAsync(FaultApp app, string message)
    {
        using var content = new StringContent($$"""{"message":"{{message}}"}""", System.Text.Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/chat/stream") { Content = content };
        return await app.Browser.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    private static long CollectedHeap()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
