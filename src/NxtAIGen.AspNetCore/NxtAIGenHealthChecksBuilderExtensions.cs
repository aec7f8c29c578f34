using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NxtAIGen.AspNetCore;
using NxtAIGen.AspNetCore.Health;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Health checks for NxtAIGen's providers.</summary>
public static class NxtAIGenHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds a health check that asks each configured provider (enabled, with a server-wide key or needing none) to list
    /// its models, with a timeout, caching each answer for a while. Healthy when all answer, degraded when some fail,
    /// <paramref name="failureStatus"/> when all fail. Descriptions never contain keys. Map it with
    /// <c>app.MapHealthChecks("/health")</c>.
    /// </summary>
    /// <param name="builder">The health checks builder (<c>services.AddHealthChecks()</c>).</param>
    /// <param name="configure">Chooses providers, the timeout and the cache duration.</param>
    /// <param name="name">The check's name. Default <c>nxtaigen-providers</c>.</param>
    /// <param name="failureStatus">The status when every provider fails. Default <see cref="HealthStatus.Unhealthy"/>.</param>
    /// <param name="tags">Tags to filter checks by (for example <c>ready</c>).</param>
    /// <returns>The builder.</returns>
    public static IHealthChecksBuilder AddNxtAIGenProviders(
        this IHealthChecksBuilder builder,
        Action<NxtAIGenHealthCheckOptions>? configure = null,
        string name = "nxtaigen-providers",
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        builder.Services.TryAddSingleton<ProviderHealthProbe>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        var options = builder.Services.AddOptions<NxtAIGenHealthCheckOptions>(name)
            .Validate(o => o.Timeout > TimeSpan.Zero && o.CacheDuration >= TimeSpan.Zero, "NxtAIGen health check: Timeout must be positive and CacheDuration not negative.");
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return builder.AddCheck<NxtAIGenProvidersHealthCheck>(name, failureStatus, tags ?? []);
    }
}
