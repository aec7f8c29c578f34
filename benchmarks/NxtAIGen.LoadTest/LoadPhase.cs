using System.Collections.Concurrent;
using System.Diagnostics;

namespace NxtAIGen.LoadTest;

/// <summary>Closed-loop load: C workers each open a stream, read it to the end, and open the next, for a duration.</summary>
internal static class LoadPhase
{
    public static async Task<PhaseResult> RunAsync(
        StreamClient client, Target target, int concurrency, string model, int tokens, TimeSpan warmup, TimeSpan duration, CancellationToken cancellationToken)
    {
        if (warmup > TimeSpan.Zero)
        {
            await LoopAsync(client, target, concurrency, model, tokens, warmup, keepGaps: false, cancellationToken);
        }

        var before = target.Process.Stats();
        using var sampling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var peak = SampleAsync(target.Process, sampling.Token);
        var clock = Stopwatch.StartNew();
        var results = await LoopAsync(client, target, concurrency, model, tokens, duration, keepGaps: true, cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        var after = target.Process.Stats();
        await sampling.CancelAsync();
        var (peakRss, peakThreads) = await peak;

        var ok = results.Where(r => r.Error is null && !r.HungUp).ToList();
        var errors = results.Where(r => r.Error is not null).ToList();
        return new PhaseResult
        {
            Target = target.Name,
            Concurrency = concurrency,
            Seconds = seconds,
            Completed = ok.Count,
            Errors = errors.Count,
            ErrorSamples = [.. errors.Select(e => e.Error!).Distinct().Take(5)],
            StreamsPerSecond = ok.Count / seconds,
            Ttft = Percentiles.Of(ok.Select(r => r.FirstTokenMs)),
            Ttlt = Percentiles.Of(ok.Select(r => r.LastTokenMs)),
            InterToken = Percentiles.Of(ok.SelectMany(r => r.Gaps ?? []).Select(g => (double)g)),
            CpuCores = (after.CpuSeconds - before.CpuSeconds) / seconds,
            PeakRssBytes = Math.Max(peakRss, after.RssBytes),
            PeakThreads = Math.Max(peakThreads, after.Threads),
        };
    }

    private static async Task<List<StreamResult>> LoopAsync(
        StreamClient client, Target target, int concurrency, string model, int tokens, TimeSpan duration, bool keepGaps, CancellationToken cancellationToken)
    {
        var results = new ConcurrentBag<List<StreamResult>>();
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            var mine = new List<StreamResult>();
            while (clock.Elapsed < duration && !cancellationToken.IsCancellationRequested)
            {
                mine.Add(await client.RunAsync(target, model, tokens, keepGaps, hangUpAfterFirstToken: false, onFirstToken: null, cancellationToken));
            }

            results.Add(mine);
        }, cancellationToken));
        await Task.WhenAll(workers);
        return [.. results.SelectMany(r => r)];
    }

    private static async Task<(long Rss, int Threads)> SampleAsync(ChildProcess process, CancellationToken cancellationToken)
    {
        long rss = 0;
        var threads = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            do
            {
                var s = process.Stats();
                rss = Math.Max(rss, s.RssBytes);
                threads = Math.Max(threads, s.Threads);
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException)
        {
        }

        return (rss, threads);
    }
}
