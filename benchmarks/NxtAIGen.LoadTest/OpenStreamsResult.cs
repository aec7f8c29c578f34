namespace NxtAIGen.LoadTest;

/// <summary>The open-streams mode: N slow streams held open through the gateway at once.</summary>
internal sealed record OpenStreamsResult
{
    public required int Requested { get; init; }

    public required int Opened { get; init; }

    public required int Errors { get; init; }

    public IReadOnlyList<string> ErrorSamples { get; init; } = [];

    public required double OpenSeconds { get; init; }

    public required double HoldSeconds { get; init; }

    public required ProcessStats Baseline { get; init; }

    public required ProcessStats Open { get; init; }

    public required ProcessStats AfterClose { get; init; }

    public required long BaselineManagedHeapBytes { get; init; }

    public required long OpenManagedHeapBytes { get; init; }

    public double RssBytesPerStream => Opened == 0 ? double.NaN : (double)(Open.RssBytes - Baseline.RssBytes) / Opened;

    public double ManagedHeapBytesPerStream => Opened == 0 ? double.NaN : (double)(OpenManagedHeapBytes - BaselineManagedHeapBytes) / Opened;
}
