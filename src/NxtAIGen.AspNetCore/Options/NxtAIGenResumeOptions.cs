namespace NxtAIGen.AspNetCore;

/// <summary>Resumable streams (<c>NxtAIGen:Streaming:Resume</c>): generations that outlive their client's connection.</summary>
public sealed class NxtAIGenResumeOptions
{
    /// <summary>
    /// Gets or sets whether a generation keeps running, buffered, when its client disconnects, so that
    /// <c>GET {prefix}/chat/stream/{id}</c> can resume it and only <c>POST {prefix}/chat/stream/{id}/stop</c> stops it.
    /// Default <see langword="false"/>: a disconnect cancels the generation at once.
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>Gets or sets how long a generation keeps running with no client reading it before it is canceled. Default 2 minutes.</summary>
    /// <value>Between 1 second and 1 hour.</value>
    public TimeSpan GracePeriod { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Gets or sets how long a finished stream can still be replayed. Default 5 minutes.</summary>
    /// <value>Between 1 second and 1 day.</value>
    public TimeSpan BufferLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Gets or sets how many events of one stream are kept; beyond it the oldest are dropped, and a resume that would
    /// need a dropped event is refused with 404. Default 10,000.
    /// </summary>
    /// <value>Between 16 and 1,000,000.</value>
    public int MaxBufferedEvents { get; set; } = 10_000;
}
