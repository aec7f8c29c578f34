namespace NxtAIGen.LoadTest;

/// <summary>One stream as the client saw it; times in milliseconds from sending the request.</summary>
internal sealed class StreamResult
{
    public double FirstTokenMs { get; set; } = double.NaN;

    public double LastTokenMs { get; set; } = double.NaN;

    public int Tokens { get; set; }

    public bool Completed { get; set; }

    public bool HungUp { get; set; }

    public string? Error { get; set; }

    public List<float>? Gaps { get; set; }
}
