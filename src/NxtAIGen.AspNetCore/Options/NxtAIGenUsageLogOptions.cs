namespace NxtAIGen.AspNetCore;

/// <summary>The usage log (<c>NxtAIGen:UsageLog</c>): one <see cref="UsageRecord"/> per chat request.</summary>
public sealed class NxtAIGenUsageLogOptions
{
    /// <summary>
    /// Gets or sets the secret salt of the SHA-256 hash under which IP addresses are recorded and counted (<c>NxtAIGen:UsageLog:IpHashSalt</c>).
    /// Default empty: a random salt per process, so hashes cannot be compared across restarts or instances. Set the same
    /// value on every instance (from a secret store) to correlate them. The raw address is never stored.
    /// </summary>
    public string? IpHashSalt { get; set; }

    /// <summary>Gets or sets how many records the in-memory usage log keeps; older ones are dropped (<c>NxtAIGen:UsageLog:Capacity</c>). Default 10,000.</summary>
    /// <value>Between 0 and 10,000,000.</value>
    public int Capacity { get; set; } = 10_000;
}
