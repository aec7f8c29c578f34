namespace NxtAIGen.AspNetCore;

/// <summary>How the provider health check probes the configured providers.</summary>
public sealed class NxtAIGenHealthCheckOptions
{
    /// <summary>Gets the provider ids to check; empty (the default) checks every enabled provider that has a server-wide key or needs none.</summary>
    public IList<string> Providers { get; } = [];

    /// <summary>Gets or sets how long one provider may take to list its models before it counts as failing. Default 10 seconds.</summary>
    /// <value>Greater than zero.</value>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Gets or sets how long a provider's result is reused, so that frequent probes (a load balancer's, say) do not turn
    /// into upstream calls, which cost rate limit. Default 1 minute; zero probes every time.
    /// </summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromMinutes(1);
}
