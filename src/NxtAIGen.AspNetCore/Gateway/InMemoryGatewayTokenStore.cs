using System.Collections.Concurrent;

namespace NxtAIGen.AspNetCore;

/// <summary>An <see cref="IGatewayTokenStore"/> in memory, for one instance: tokens are lost when the process ends. The default.</summary>
public sealed class InMemoryGatewayTokenStore : IGatewayTokenStore
{
    private readonly ConcurrentDictionary<string, GatewayToken> _byId = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public ValueTask CreateAsync(GatewayToken token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (!_byId.TryAdd(token.Id, token))
        {
            throw new InvalidOperationException($"A gateway token with the id '{token.Id}' already exists.");
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask<GatewayToken?> FindByHashAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tokenHash);
        return ValueTask.FromResult(_byId.Values.FirstOrDefault(t => string.Equals(t.TokenHash, tokenHash, StringComparison.Ordinal)));
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<GatewayToken>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        IReadOnlyList<GatewayToken> tokens = [.. _byId.Values.Where(t => t.UserId == userId).OrderBy(t => t.CreatedAt).ThenBy(t => t.Id, StringComparer.Ordinal)];
        return ValueTask.FromResult(tokens);
    }

    /// <inheritdoc/>
    public ValueTask<bool> DeleteAsync(string userId, string tokenId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentException.ThrowIfNullOrEmpty(tokenId);
        return ValueTask.FromResult(_byId.TryGetValue(tokenId, out var token) && token.UserId == userId && _byId.TryRemove(new KeyValuePair<string, GatewayToken>(tokenId, token)));
    }

    /// <inheritdoc/>
    public ValueTask<int> DeleteAllAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var removed = 0;
        foreach (var token in _byId.Values.Where(t => t.UserId == userId).ToList())
        {
            if (_byId.TryRemove(new KeyValuePair<string, GatewayToken>(token.Id, token)))
            {
                removed++;
            }
        }

        return ValueTask.FromResult(removed);
    }

    /// <inheritdoc/>
    public ValueTask TouchAsync(string tokenId, DateTimeOffset usedAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tokenId);
        while (_byId.TryGetValue(tokenId, out var token) && !_byId.TryUpdate(tokenId, token with { LastUsedAt = usedAt }, token))
        {
            // Changed in between: read it again.
        }

        return ValueTask.CompletedTask;
    }
}
