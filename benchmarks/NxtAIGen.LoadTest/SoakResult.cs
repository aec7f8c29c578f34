namespace NxtAIGen.LoadTest;

/// <summary>The soak: steady load with hang-ups, the gateway sampled over time, and whether it returned to its baseline.</summary>
internal sealed record SoakResult
{
    public required double DurationSeconds { get; init; }

    public required int Concurrency { get; init; }

    public required double HangUpRate { get; init; }

    public required long Completed { get; init; }

    public required long HungUp { get; init; }

    public required long Errors { get; init; }

    public IReadOnlyList<string> ErrorSamples { get; init; } = [];

    public required IReadOnlyList<SoakSample> Samples { get; init; }

    public required ProcessStats Baseline { get; init; }

    public required ProcessStats After { get; init; }

    public required long BaselineManagedHeapBytes { get; init; }

    public required long AfterManagedHeapBytes { get; init; }

    public required long EndOfLoadManagedHeapBytes { get; init; }

    /// <summary>Descriptors, threads and managed heap back within tolerance of the baseline after the load.</summary>
    public required bool ReturnedToBaseline { get; init; }

    public required string Verdict { get; init; }
}
