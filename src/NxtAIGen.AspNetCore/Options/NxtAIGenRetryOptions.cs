namespace NxtAIGen.AspNetCore;

/// <summary>
/// Retries of transient upstream failures (rate limits, overload, 5xx, network errors), only before the first content,
/// reasoning or tool call reaches the client (<c>NxtAIGen:Streaming:Retry</c>). Each provider of a fallback list gets
/// its own attempts.
/// </summary>
public sealed class NxtAIGenRetryOptions
{
    /// <summary>Gets or sets how many times one provider is tried, the first attempt included. Default 3; 1 disables retries.</summary>
    /// <value>Between 1 and 10.</value>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Gets or sets the delay before the first retry; each later one doubles, with jitter (half to all of it). Default 1 second.</summary>
    /// <value>Between zero and 1 minute.</value>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the longest computed backoff delay. Default 10 seconds.</summary>
    /// <value>Between zero and 10 minutes.</value>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Gets or sets the longest <c>Retry-After</c> that is waited for. A provider asking for longer is not retried: the
    /// next fallback is tried, or the client gets the error with <c>retry_after</c>. Default 20 seconds.
    /// </summary>
    /// <value>Between zero and 10 minutes.</value>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(20);
}
