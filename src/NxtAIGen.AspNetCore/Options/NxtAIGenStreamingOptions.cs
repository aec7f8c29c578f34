namespace NxtAIGen.AspNetCore;

/// <summary>How answers are streamed (<c>NxtAIGen:Streaming</c>).</summary>
public sealed class NxtAIGenStreamingOptions
{
    /// <summary>Gets or sets the period of silence after which a <c>: ping</c> comment is sent. Default 15 seconds.</summary>
    /// <value>Between 1 second and 10 minutes.</value>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Gets or sets how long the upstream may stay silent before the stream ends with a <c>timeout</c> error. Default 2 minutes.</summary>
    /// <value>Between 1 second and 1 hour.</value>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Gets or sets how many times a transient upstream failure is retried before the first content. Default 2; 0 disables retries.</summary>
    /// <value>Between 0 and 10.</value>
    public int MaxRetries { get; set; } = 2;

    /// <summary>Gets or sets the first retry delay; later ones grow exponentially, with jitter. Default 1 second.</summary>
    /// <value>Between zero and 1 minute.</value>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the longest wait before a retry; a provider asking (with <c>Retry-After</c>) for longer is not retried. Default 20 seconds.</summary>
    /// <value>Between zero and 10 minutes.</value>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(20);
}
