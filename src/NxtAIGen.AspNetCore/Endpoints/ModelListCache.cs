using System.Text.Json;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using NxtAIGen.AspNetCore.Internal;

namespace NxtAIGen.AspNetCore.Endpoints;

/// <summary>
/// The model lists of <c>GET {prefix}/providers/{id}/models</c> and the gateway's <c>/v1/models</c>: this process's
/// memory first, then, when the host registers a shared <see cref="IDistributedCache"/> (Redis through
/// <c>AddRedisStores</c>), that cache, so one instance's answer serves every other. A shared cache that fails is a
/// miss, never an error: the list is then asked from the provider.
/// </summary>
internal sealed class ModelListCache
{
    private readonly IMemoryCache _memory;
    private readonly IDistributedCache? _shared;

    public ModelListCache(IMemoryCache memory, IServiceProvider services)
    {
        _memory = memory;
        // The in-process IDistributedCache shares nothing: the memory cache already serves this instance.
        var shared = services.GetService<IDistributedCache>();
        _shared = shared is MemoryDistributedCache ? null : shared;
    }

    public async ValueTask<List<ModelInfoResponse>?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (_memory.TryGetValue(key, out List<ModelInfoResponse>? cached) && cached is not null)
        {
            return cached;
        }

        if (_shared is null)
        {
            return null;
        }

        try
        {
            var bytes = await _shared.GetAsync(key, cancellationToken).ConfigureAwait(false);
            return bytes is null ? null : JsonSerializer.Deserialize(bytes, NxtAIGenJsonContext.Default.ListModelInfoResponse);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return null;
        }
    }

    public async ValueTask SetAsync(string key, List<ModelInfoResponse> models, TimeSpan duration, CancellationToken cancellationToken)
    {
        _memory.Set(key, models, duration);
        if (_shared is null)
        {
            return;
        }

        try
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(models, NxtAIGenJsonContext.Default.ListModelInfoResponse);
            await _shared.SetAsync(key, bytes, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = duration }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The shared copy is an optimisation; this instance keeps its own.
        }
    }
}
