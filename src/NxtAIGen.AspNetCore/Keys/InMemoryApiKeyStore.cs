using System.Collections.Concurrent;

namespace NxtAIGen.AspNetCore;

/// <summary>An <see cref="IApiKeyStore"/> in memory, for one instance: keys are lost when the process ends. The default.</summary>
public sealed class InMemoryApiKeyStore : IApiKeyStore
{
    private readonly ConcurrentDictionary<(ApiKeyScope Scope, string UserId, string Provider), StoredApiKey> _keys = new();

    /// <inheritdoc/>
    public ValueTask<StoredApiKey?> GetAsync(ApiKeyOwner owner, string providerId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(providerId);
        return ValueTask.FromResult(_keys.TryGetValue(Key(owner, providerId), out var key) ? key : null);
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<StoredApiKey>> ListAsync(ApiKeyOwner owner, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<StoredApiKey> keys = [.. _keys.Values.Where(k => k.Owner == owner).OrderBy(k => k.ProviderId, StringComparer.OrdinalIgnoreCase)];
        return ValueTask.FromResult(keys);
    }

    /// <inheritdoc/>
    public ValueTask SetAsync(StoredApiKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        _keys[Key(key.Owner, key.ProviderId)] = key;
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask<bool> DeleteAsync(ApiKeyOwner owner, string providerId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(providerId);
        return ValueTask.FromResult(_keys.TryRemove(Key(owner, providerId), out _));
    }

    /// <summary>Every stored key, for tests that check what the store holds.</summary>
    internal IReadOnlyList<StoredApiKey> Snapshot() => [.. _keys.Values];

    private static (ApiKeyScope, string, string) Key(ApiKeyOwner owner, string providerId) =>
        (owner.Scope, owner.UserId ?? string.Empty, providerId.ToUpperInvariant());
}
