using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NxtAIGen.Storage.Redis.Internal;

/// <summary>Pings the stores' Redis: healthy with the round trip, otherwise the failure status with a message that names no host.</summary>
internal sealed class RedisHealthCheck : IHealthCheck
{
    private readonly RedisConnection _connection;

    public RedisHealthCheck(RedisConnection connection) => _connection = connection;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            var database = await _connection.GetDatabaseAsync().ConfigureAwait(false);
            var latency = await database.PingAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"Redis answered in {latency.TotalMilliseconds:0.0} ms.");
        }
        catch (Exception ex) when (RedisConnection.IsUnavailable(ex))
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Redis is unavailable.");
        }
    }
}
