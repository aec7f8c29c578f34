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

    /// <summary>Gets the retries of transient upstream failures before the first content (<c>NxtAIGen:Streaming:Retry</c>).</summary>
    public NxtAIGenRetryOptions Retry { get; } = new();

    /// <summary>Gets the resumable-stream settings (<c>NxtAIGen:Streaming:Resume</c>).</summary>
    public NxtAIGenResumeOptions Resume { get; } = new();
}
