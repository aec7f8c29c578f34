using Microsoft.Extensions.Diagnostics.HealthChecks;
using NxtAIGen.Storage.Redis.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>A health check of the Redis that <c>AddRedisStores</c> uses.</summary>
public static class NxtAIGenRedisHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds a check that pings the Redis of <c>AddRedisStores</c> over the stores' own connection: healthy when it
    /// answers, <paramref name="failureStatus"/> when it cannot be reached. The description never names the host.
    /// </summary>
    /// <param name="builder">The health checks builder (<c>services.AddHealthChecks()</c>).</param>
    /// <param name="name">The check's name. Default <c>nxtaigen-redis</c>.</param>
    /// <param name="failureStatus">The status when Redis does not answer. Default <see cref="HealthStatus.Unhealthy"/>.</param>
    /// <param name="tags">Tags to filter checks by (for example <c>ready</c>).</param>
    /// <returns>The builder.</returns>
    public static IHealthChecksBuilder AddNxtAIGenRedis(this IHealthChecksBuilder builder, string name = "nxtaigen-redis", HealthStatus? failureStatus = null, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        return builder.AddCheck<RedisHealthCheck>(name, failureStatus, tags ?? []);
    }
}
