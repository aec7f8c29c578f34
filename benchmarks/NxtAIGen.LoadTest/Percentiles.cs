namespace NxtAIGen.LoadTest;

/// <summary>p50, p90, p99 and max of a sample (nearest rank), in milliseconds.</summary>
internal sealed record Percentiles(double P50, double P90, double P99, double Max, int Count)
{
    public static Percentiles Of(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).ToArray();
        if (sorted.Length == 0)
        {
            return new Percentiles(double.NaN, double.NaN, double.NaN, double.NaN, 0);
        }

        Array.Sort(sorted);
        double At(double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Percentiles(At(0.50), At(0.90), At(0.99), sorted[^1], sorted.Length);
    }

    /// <summary>This minus <paramref name="baseline"/>, percentile by percentile: the latency a hop adds.</summary>
    public Percentiles Minus(Percentiles baseline) =>
        new(P50 - baseline.P50, P90 - baseline.P90, P99 - baseline.P99, Max - baseline.Max, Count);
}
