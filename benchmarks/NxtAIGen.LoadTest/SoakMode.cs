using System.Collections.Concurrent;
using System.Diagnostics;

namespace NxtAIGen.LoadTest;

/// <summary>
/// Steady closed-loop load on the gateway for a long time, a share of clients hanging up after their first token;
/// samples the gateway's memory, descriptors and threads, then checks they come back to the pre-load baseline.
/// </summary>
internal static class SoakMode
{
    private const int FdTolerance = 10;
    private const int ThreadTolerance = 8;

    public static async Task<SoakResult> RunAsync(
        StreamClient client, Target gateway, int concurrency, string model, int tokens, double hangUpRate, TimeSpan duration, TimeSpan warmup, TimeSpan interval, CancellationToken cancellationToken)
    {
        // Warm up long enough to fill the bounded in-memory stores (the usage log keeps 10,000 records) before the baseline.
        Console.WriteLine($"soak: warm-up {warmup.TotalSeconds:F0} s");
        await LoadPhase.RunAsync(client, gateway, concurrency, model, tokens, TimeSpan.Zero, warmup, cancellationToken);
        var baselineHeap = await GatewayMemory.ManagedHeapAsync(gateway.Process, cancellationToken);
        var baseline = gateway.Process.Stats();
        var samples = new ConcurrentQueue<SoakSample>();
        var clock = Stopwatch.StartNew();
        long completed = 0, hungUp = 0, errors = 0;
        var errorSamples = new ConcurrentDictionary<string, bool>();
        void Sample(string phase)
        {
            var s = gateway.Process.Stats();
            var sample = new SoakSample(Math.Round(clock.Elapsed.TotalSeconds, 1), phase, s.RssBytes, s.OpenFds, s.Threads, s.CpuSeconds,
                Interlocked.Read(ref completed), Interlocked.Read(ref hungUp), Interlocked.Read(ref errors));
            samples.Enqueue(sample);
            Console.WriteLine($"  {sample.AtSeconds,7:F0} s {phase,-5} rss {sample.RssBytes / 1048576.0,7:F1} MiB  fds {sample.OpenFds,5}  threads {sample.Threads,4}  streams {sample.Completed,9}  hung up {sample.HungUp,6}  errors {sample.Errors}");
        }

        Sample("base");
        using var sampling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sampler = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(interval);
            try
            {
                while (await timer.WaitForNextTickAsync(sampling.Token))
                {
                    Sample("load");
                }
            }
            catch (OperationCanceledException)
            {
            }
        }, CancellationToken.None);

        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < duration && !cancellationToken.IsCancellationRequested)
            {
                var dropOut = Random.Shared.NextDouble() < hangUpRate;
                using var drop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var r = await client.RunAsync(gateway, model, tokens, keepGaps: false, hangUpAfterFirstToken: dropOut, onFirstToken: null, drop.Token);
                if (r.Error is not null)
                {
                    Interlocked.Increment(ref errors);
                    errorSamples.TryAdd(r.Error, true);
                }
                else if (r.HungUp)
                {
                    Interlocked.Increment(ref hungUp);
                }
                else
                {
                    Interlocked.Increment(ref completed);
                }
            }
        }, cancellationToken)).ToArray();
        await Task.WhenAll(workers);
        var loadSeconds = clock.Elapsed.TotalSeconds;
        await sampling.CancelAsync();
        await sampler;

        // After the load: poll until descriptors, threads and the managed heap are back near the baseline (up to 180 s,
        // with one stream per poll; the guest quota entries of the load live for the quota window, one minute here).
        var after = gateway.Process.Stats();
        var afterHeap = await GatewayMemory.ManagedHeapAsync(gateway.Process, cancellationToken);
        var endOfLoad = afterHeap;
        bool Back() => after.OpenFds <= baseline.OpenFds + FdTolerance && after.Threads <= baseline.Threads + ThreadTolerance
            && afterHeap <= (baselineHeap * 1.25) + (4 << 20);
        for (var wait = Stopwatch.StartNew(); !Back() && wait.Elapsed < TimeSpan.FromSeconds(180);)
        {
            await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
            // A trickle of one stream per poll, as a live server gets: stores that clean up on use get the chance to.
            var trickle = await client.RunAsync(gateway, model, tokens, keepGaps: false, hangUpAfterFirstToken: false, onFirstToken: null, cancellationToken);
            if (trickle.Error is not null)
            {
                Interlocked.Increment(ref errors);
                errorSamples.TryAdd(trickle.Error, true);
            }

            after = gateway.Process.Stats();
            afterHeap = await GatewayMemory.ManagedHeapAsync(gateway.Process, cancellationToken);
            Sample("after");
        }

        Sample("after");
        var back = Back();
        var verdict = back
            ? $"returned to baseline: fds {after.OpenFds} (base {baseline.OpenFds}), threads {after.Threads} (base {baseline.Threads}), managed heap {afterHeap / 1048576.0:F1} MiB (base {baselineHeap / 1048576.0:F1} MiB)"
            : $"did NOT return to baseline: fds {after.OpenFds} (base {baseline.OpenFds}), threads {after.Threads} (base {baseline.Threads}), managed heap {afterHeap / 1048576.0:F1} MiB (base {baselineHeap / 1048576.0:F1} MiB)";
        Console.WriteLine("soak: " + verdict);
        return new SoakResult
        {
            DurationSeconds = loadSeconds,
            Concurrency = concurrency,
            HangUpRate = hangUpRate,
            Completed = completed,
            HungUp = hungUp,
            Errors = errors,
            ErrorSamples = [.. errorSamples.Keys.Take(5)],
            Samples = [.. samples],
            Baseline = baseline,
            After = after,
            BaselineManagedHeapBytes = baselineHeap,
            AfterManagedHeapBytes = afterHeap,
            EndOfLoadManagedHeapBytes = endOfLoad,
            ReturnedToBaseline = back,
            Verdict = verdict,
        };
    }
}
