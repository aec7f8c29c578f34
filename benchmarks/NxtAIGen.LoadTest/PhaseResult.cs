namespace NxtAIGen.LoadTest;

/// <summary>One measured phase: a target at one concurrency.</summary>
internal sealed record PhaseResult
{
    public required string Target { get; init; }

    public required int Concurrency { get; init; }

    public required double Seconds { get; init; }

    public required int Completed { get; init; }

    public required int Errors { get; init; }

    public IReadOnlyList<string> ErrorSamples { get; init; } = [];

    public required double StreamsPerSecond { get; init; }

    public required Percentiles Ttft { get; init; }

    public required Percentiles Ttlt { get; init; }

    public required Percentiles InterToken { get; init; }

    /// <summary>TTFT minus the upstream's at the same concurrency in the same run (null for the upstream itself).</summary>
    public Percentiles? AddedTtft { get; set; }

    public Percentiles? AddedTtlt { get; set; }

    public Percentiles? AddedInterToken { get; set; }

    /// <summary>CPU time of the serving process over the phase divided by its length: 1.0 is one core busy.</summary>
    public required double CpuCores { get; init; }

    public required long PeakRssBytes { get; init; }

    public required int PeakThreads { get; init; }
}
