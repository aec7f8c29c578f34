using Microsoft.EntityFrameworkCore;
using NxtAIGen.AspNetCore;

namespace NxtAIGen.Storage.EntityFrameworkCore;

/// <summary>
/// An <see cref="IApiKeyStore"/> in a database. It keeps <see cref="StoredApiKey"/> values as given: the Data
/// Protection ciphertext and the masked key, never a plaintext key.
/// </summary>
public sealed class EfCoreApiKeyStore : IApiKeyStore
{
    private readonly IDbContextFactory<NxtAIGenDbContext> _factory;

    /// <summary>Initializes a new instance of the <see cref="EfCoreApiKeyStore"/> class.</summary>
    /// <param name="factory">Creates database contexts.</param>
    public EfCoreApiKeyStore(IDbContextFactory<NxtAIGenDbContext> factory) => _factory = factory;

    /// <inheritdoc />
    public async ValueTask<StoredApiKey?> GetAsync(ApiKeyOwner owner, string providerId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(providerId);
        var (scope, userId, providerKey) = Key(owner, providerId);
        var db = await _factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var row = await db.ApiKeys.AsNoTracking()
                .FirstOrDefaultAsync(k => k.Scope == scope && k.UserId == userId && k.ProviderKey == providerKey, cancellationToken)
                .ConfigureAwait(false);
            return row is null ? null : ToStored(owner, row);
        }
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<StoredApiKey>> ListAsync(ApiKeyOwner owner, CancellationToken cancellationToken = default)
    {
        var scope = owner.Scope;
        var userId = owner.UserId ?? string.Empty;
        var db = await _factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var rows = await db.ApiKeys.AsNoTracking().Where(k => k.Scope == scope && k.UserId == userId).ToListAsync(cancellationToken).ConfigureAwait(false);
            return [.. rows.Select(r => ToStored(owner, r)).OrderBy(k => k.ProviderId, StringComparer.OrdinalIgnoreCase)];
        }
    }

    /// <inheritdoc />
    public async ValueTask SetAsync(StoredApiKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrEmpty(key.ProviderId);
        var (scope, userId, providerKey) = Key(key.Owner, key.ProviderId);
        var db = await _factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var row = await db.ApiKeys
                .FirstOrDefaultAsync(k => k.Scope == scope && k.UserId == userId && k.ProviderKey == providerKey, cancellationToken)
                .ConfigureAwait(false);
            if (row is null)
            {
                row = new ApiKeyEntity { Scope = scope, UserId = userId, ProviderKey = providerKey };
                db.ApiKeys.Add(row);
            }

            row.ProviderId = key.ProviderId;
            row.ProtectedValue = key.ProtectedValue;
            row.Masked = key.Masked;
            row.UpdatedAtUtcTicks = key.UpdatedAt.UtcTicks;
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask<bool> DeleteAsync(ApiKeyOwner owner, string providerId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(providerId);
        var (scope, userId, providerKey) = Key(owner, providerId);
        var db = await _factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var deleted = await db.ApiKeys
                .Where(k => k.Scope == scope && k.UserId == userId && k.ProviderKey == providerKey)
                .ExecuteDeleteAsync(cancellationToken)
                .ConfigureAwait(false);
            return deleted > 0;
        }
    }

    private static (ApiKeyScope Scope, string UserId, string ProviderKey) Key(ApiKeyOwner owner, string providerId) =>
        (owner.Scope, owner.UserId ?? string.Empty, providerId.ToUpperInvariant());

    private static StoredApiKey ToStored(ApiKeyOwner owner, ApiKeyEntity row) => new()
    {
        Owner = owner,
        ProviderId = row.ProviderId,
        ProtectedValue = row.ProtectedValue,
        Masked = row.Masked,
        UpdatedAt = new DateTimeOffset(row.UpdatedAtUtcTicks, TimeSpan.Zero),
    };
}
