using System.Diagnostics;

namespace NxtAIGen.LoadTest;

/// <summary>
/// Opens N slow streams through the gateway (one token a second from the upstream), waits until every one has its first
/// token, reads the gateway's memory, descriptors and threads, holds them for a while, then hangs up.
/// </summary>
internal static class OpenStreamsMode
{
    public static async Task<OpenStreamsResult> RunAsync(StreamClient client, Target gateway, int count, TimeSpan hold, CancellationToken cancellationToken)
    {
        // Warm up (JIT, pools) with short streams, then take the baseline.
        await LoadPhase.RunAsync(client, gateway, 50, "t5-d0", 5, TimeSpan.Zero, TimeSpan.FromSeconds(2), cancellationToken);
        var baselineHeap = await GatewayMemory.ManagedHeapAsync(gateway.Process, cancellationToken);
        var baseline = gateway.Process.Stats();

        // Each stream lasts far longer than opening all of them takes; the harness hangs up once it has measured.
        var tokens = (int)hold.TotalSeconds + 300;
        var model = $"t{tokens}-d1000";
        using var hangUp = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var connecting = new SemaphoreSlim(256);
        var firstTokens = 0;
        var allOpen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = Stopwatch.StartNew();
        var streams = new List<Task<StreamResult>>(count);
        for (var i = 0; i < count; i++)
        {
            await connecting.WaitAsync(cancellationToken);
            streams.Add(Task.Run(async () =>
            {
                var released = 0;
                void Opened()
                {
                    if (Interlocked.Exchange(ref released, 1) == 0)
                    {
                        connecting.Release();
                        if (Interlocked.Increment(ref firstTokens) == count)
                        {
                            allOpen.TrySetResult();
                        }
                    }
                }

                try
                {
                    var r = await client.RunAsync(gateway, model, tokens, keepGaps: false, hangUpAfterFirstToken: false, Opened, hangUp.Token);
                    if (r.Error is not null)
                    {
                        allOpen.TrySetResult(); // a failure: stop waiting for all
                    }

                    return r;
                }
                finally
                {
                    if (Interlocked.Exchange(ref released, 1) == 0)
                    {
                        connecting.Release();
                    }
                }
            }, cancellationToken));
        }

        await Task.WhenAny(allOpen.Task, Task.Delay(TimeSpan.FromMinutes(3), cancellationToken));
        var openSeconds = clock.Elapsed.TotalSeconds;
        var opened = Volatile.Read(ref firstTokens);
        Console.WriteLine($"open streams: {opened} of {count} open after {openSeconds:F1} s; holding {hold.TotalSeconds:F0} s");
        var open = gateway.Process.Stats();
        var openHeap = await GatewayMemory.ManagedHeapAsync(gateway.Process, cancellationToken);
        open = open with { RssBytes = Math.Max(open.RssBytes, gateway.Process.Stats().RssBytes) };
        await Task.Delay(hold, cancellationToken);

        await hangUp.CancelAsync();
        var results = await Task.WhenAll(streams);
        var errors = results.Where(r => r.Error is not null).ToList();

        // After the hang-up, the gateway should let go of every connection: poll for up to 30 s.
        var after = gateway.Process.Stats();
        for (var deadline = Stopwatch.StartNew(); deadline.Elapsed < TimeSpan.FromSeconds(30) && after.OpenFds > baseline.OpenFds + 10;)
        {
            await Task.Delay(500, cancellationToken);
            after = gateway.Process.Stats();
        }

        return new OpenStreamsResult
        {
            Requested = count,
            Opened = opened,
            Errors = errors.Count,
            ErrorSamples = [.. errors.Select(e => e.Error!).Distinct().Take(5)],
            OpenSeconds = openSeconds,
            HoldSeconds = hold.TotalSeconds,
            Baseline = baseline,
            Open = open,
            AfterClose = after,
            BaselineManagedHeapBytes = baselineHeap,
            OpenManagedHeapBytes = openHeap,
        };
    }
}
