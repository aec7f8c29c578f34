using System.Globalization;
using NxtAIGen.LoadTest;

// The end-to-end load harness: starts the fake upstream, the gateway and the Node peers as child processes on
// loopback, loads each of them, and reports latency added over the upstream, throughput, CPU and memory. See README.md.
LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => ChildProcess.KillAll();
using var onTerm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, _ => ChildProcess.KillAll());
using var onHup = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGHUP, _ => ChildProcess.KillAll());
var fdLimit = FileLimit.Raise(1_048_576);
var harness = Harness.Locate();
if (!string.Equals(harness.Configuration, "Release", StringComparison.OrdinalIgnoreCase))
{
    Console.WriteLine($"warning: a {harness.Configuration} build; numbers are only meaningful with -c Release");
}

var model = string.Create(CultureInfo.InvariantCulture, $"t{options.Tokens}-d{options.DelayMs}");
var children = new List<ChildProcess>();
var totalErrors = 0L;
try
{
    var upstreamProcess = await harness.StartUpstreamAsync(options.Tokens, options.DelayMs, stop.Token);
    children.Add(upstreamProcess);
    var upstream = Target.Upstream(upstreamProcess);
    var gatewayProcess = await harness.StartGatewayAsync(upstreamProcess.Url, stop.Token);
    children.Add(gatewayProcess);
    var gateway = Target.Gateway(gatewayProcess);
    Console.WriteLine($"upstream {upstreamProcess.Url} (pid {upstreamProcess.Pid}), gateway {gatewayProcess.Url} (pid {gatewayProcess.Pid}), fd limit {fdLimit}");
    using var client = new StreamClient();
    var report = new Dictionary<string, object?>
    {
        ["machine"] = Report.Machine(),
        ["options"] = new
        {
            options.Tokens,
            options.DelayMs,
            options.Concurrency,
            DurationSeconds = options.Duration.TotalSeconds,
            WarmupSeconds = options.Warmup.TotalSeconds,
            options.Targets,
            options.Smoke,
            options.OpenStreams,
            options.Soak,
            Model = model,
        },
    };

    if (options.OpenStreams > 0)
    {
        var open = await OpenStreamsMode.RunAsync(client, gateway, options.OpenStreams, options.Hold, stop.Token);
        totalErrors += open.Errors + (open.Requested - open.Opened);
        Console.WriteLine($"open streams {open.Opened}/{open.Requested}, errors {open.Errors}: gateway RSS {open.Baseline.RssBytes / 1048576.0:F1} -> {open.Open.RssBytes / 1048576.0:F1} MiB "
            + $"({open.RssBytesPerStream / 1024:F1} KiB per stream), managed heap {open.BaselineManagedHeapBytes / 1048576.0:F1} -> {open.OpenManagedHeapBytes / 1048576.0:F1} MiB "
            + $"({open.ManagedHeapBytesPerStream / 1024:F1} KiB per stream), fds {open.Baseline.OpenFds} -> {open.Open.OpenFds} -> {open.AfterClose.OpenFds} after hang-up, threads {open.Baseline.Threads} -> {open.Open.Threads}");
        foreach (var e in open.ErrorSamples)
        {
            Console.WriteLine("  error: " + e);
        }

        report["open_streams"] = open;
    }
    else if (options.Soak)
    {
        var soak = await SoakMode.RunAsync(client, gateway, options.SoakConcurrency, model, options.Tokens, options.HangUpRate,
            options.Duration, options.Warmup < TimeSpan.FromSeconds(15) ? TimeSpan.FromSeconds(15) : options.Warmup, options.SampleInterval, stop.Token);
        totalErrors += soak.Errors + (soak.ReturnedToBaseline ? 0 : 1);
        Console.WriteLine($"soak: {soak.Completed} streams completed, {soak.HungUp} hung up by the client, {soak.Errors} errors in {soak.DurationSeconds:F0} s");
        foreach (var e in soak.ErrorSamples)
        {
            Console.WriteLine("  error: " + e);
        }

        report["soak"] = soak;
    }
    else
    {
        var targets = new List<Target>();
        foreach (var name in options.Targets)
        {
            if (name == "gateway")
            {
                targets.Add(gateway);
                continue;
            }

            var peer = await harness.StartNodePeerAsync(name["node-".Length..], upstreamProcess.Url, stop.Token);
            if (peer is not null)
            {
                children.Add(peer);
                targets.Add(Target.Node(name, peer));
            }
        }

        var phases = new List<PhaseResult>();
        foreach (var c in options.Concurrency)
        {
            var baseline = await LoadPhase.RunAsync(client, upstream, c, model, options.Tokens, options.Warmup, options.Duration, stop.Token);
            phases.Add(baseline);
            Console.WriteLine($"  upstream     C={c,-5} {baseline.StreamsPerSecond,8:F0} streams/s, TTFT p50 {baseline.Ttft.P50:F2} ms, errors {baseline.Errors}");
            foreach (var target in targets)
            {
                var phase = await LoadPhase.RunAsync(client, target, c, model, options.Tokens, options.Warmup, options.Duration, stop.Token);
                phase.AddedTtft = phase.Ttft.Minus(baseline.Ttft);
                phase.AddedTtlt = phase.Ttlt.Minus(baseline.Ttlt);
                phase.AddedInterToken = phase.InterToken.Minus(baseline.InterToken);
                phases.Add(phase);
                Console.WriteLine($"  {target.Name,-12} C={c,-5} {phase.StreamsPerSecond,8:F0} streams/s, +TTFT p50 {phase.AddedTtft.P50:F2} ms p99 {phase.AddedTtft.P99:F2} ms, errors {phase.Errors}");
                foreach (var e in phase.ErrorSamples)
                {
                    Console.WriteLine("    error: " + e);
                }
            }
        }

        totalErrors += phases.Sum(p => p.Errors);
        Console.WriteLine();
        Console.Write(Report.Table(phases));
        report["phases"] = phases;
    }

    foreach (var child in children.Where(c => c.HasExited))
    {
        Console.WriteLine($"error: {child.Name} exited during the run");
        totalErrors++;
    }

    report["errors"] = totalErrors;
    await Report.WriteJsonAsync(options.JsonPath, report);
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    Console.Error.WriteLine("canceled");
    return 130;
}
catch (Exception ex)
{
    Console.Error.WriteLine("load test failed: " + ex.Message);
    return 1;
}
finally
{
    foreach (var child in children)
    {
        await child.DisposeAsync();
    }
}

Console.WriteLine(totalErrors == 0 ? "OK: no errors" : $"FAILED: {totalErrors} errors");
return totalErrors == 0 ? 0 : 1;
