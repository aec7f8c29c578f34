using Microsoft.Extensions.Options;
using NxtAIGen.Abstractions;

namespace NxtAIGen.AspNetCore.Health;

/// <summary>
/// Probes providers by listing their models (a cheap, read-only call) with a timeout, and keeps each result for
/// <see cref="NxtAIGenHealthCheckOptions.CacheDuration"/>.
/// </summary>
internal sealed class ProviderHealthProbe
{
    private readonly IChatProviderRegistry _registry;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (DateTimeOffset Expires, Task<ProviderHealth> Result)> _cache = new(StringComparer.OrdinalIgnoreCase);

    public ProviderHealthProbe(IChatProviderRegistry registry, TimeProvider timeProvider)
    {
        _registry = registry;
        _timeProvider = timeProvider;
    }

    public Task<ProviderHealth[]> ProbeAsync(NxtAIGenHealthCheckOptions options, CancellationToken cancellationToken)
    {
        var ids = options.Providers.Count > 0
            ? options.Providers
            : [.. _registry.Providers.Where(p => p.Enabled && p.Configured).Select(p => p.Id)];
        return Task.WhenAll(ids.Select(id => GetAsync(id, options, cancellationToken)));
    }

    private Task<ProviderHealth> GetAsync(string id, NxtAIGenHealthCheckOptions options, CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        lock (_lock)
        {
            if (_cache.TryGetValue(id, out var cached) && cached.Expires > now && !cached.Result.IsCanceled)
            {
                return cached.Result;
            }

            // One probe at a time per provider: concurrent checks share it.
            var probe = ProbeOneAsync(id, options.Timeout, cancellationToken);
            _cache[id] = (now + options.CacheDuration, probe);
            return probe;
        }
    }

    private async Task<ProviderHealth> ProbeOneAsync(string id, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!_registry.TryGetDescriptor(id, out var descriptor) || !descriptor.Enabled)
        {
            return new ProviderHealth(id, false, "unknown or disabled");
        }

        using var timer = new CancellationTokenSource(timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        var startedAt = _timeProvider.GetTimestamp();
        try
        {
            var models = await _registry.GetProvider(descriptor.Id).ListModelsAsync(linked.Token)
                .WaitAsync(timeout, _timeProvider, linked.Token).ConfigureAwait(false);
            var elapsed = _timeProvider.GetElapsedTime(startedAt);
            return new ProviderHealth(descriptor.Id, true, $"{models.Count} models in {(long)elapsed.TotalMilliseconds} ms");
        }
        catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested))
        {
            return new ProviderHealth(descriptor.Id, false, $"no answer within {timeout.TotalSeconds:0.#} s");
        }
        catch (NxtAIGenProviderException ex)
        {
            // Provider messages are written to be shown: no key, prompt or URL with a key.
            return new ProviderHealth(descriptor.Id, false, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new ProviderHealth(descriptor.Id, false, $"the model listing failed ({ex.GetType().Name})");
        }
    }
}
