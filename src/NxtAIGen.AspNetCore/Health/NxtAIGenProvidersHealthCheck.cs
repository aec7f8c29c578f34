using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace NxtAIGen.AspNetCore.Health;

/// <summary>
/// Healthy when every checked provider lists its models in time; degraded when some fail; the registration's failure
/// status (unhealthy by default) when all fail. The data holds one entry per provider id.
/// </summary>
internal sealed class NxtAIGenProvidersHealthCheck : IHealthCheck
{
    private readonly ProviderHealthProbe _probe;
    private readonly IOptionsMonitor<NxtAIGenHealthCheckOptions> _options;

    public NxtAIGenProvidersHealthCheck(ProviderHealthProbe probe, IOptionsMonitor<NxtAIGenHealthCheckOptions> options)
    {
        _probe = probe;
        _options = options;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var results = await _probe.ProbeAsync(_options.Get(context.Registration.Name), cancellationToken).ConfigureAwait(false);
        var data = results.ToDictionary(r => r.ProviderId, r => (object)(r.Healthy ? "healthy: " + r.Description : "failing: " + r.Description), StringComparer.Ordinal);
        var failing = results.Where(r => !r.Healthy).ToList();
        if (results.Length == 0)
        {
            return HealthCheckResult.Healthy("No provider is configured to check.", data);
        }

        if (failing.Count == 0)
        {
            return HealthCheckResult.Healthy($"{results.Length} providers answered.", data);
        }

        var description = $"{results.Length - failing.Count} of {results.Length} providers answered; " +
            string.Join("; ", failing.Select(f => f.ProviderId + ": " + f.Description));
        return failing.Count == results.Length
            ? new HealthCheckResult(context.Registration.FailureStatus, description, data: data)
            : HealthCheckResult.Degraded(description, data: data);
    }
}
