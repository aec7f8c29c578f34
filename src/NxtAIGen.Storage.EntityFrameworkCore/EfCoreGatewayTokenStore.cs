using Microsoft.EntityFrameworkCore;
using NxtAIGen.AspNetCore;

namespace NxtAIGen.Storage.EntityFrameworkCore;

/// <summary>An <see cref="IGatewayTokenStore"/> in a database: tokens are kept as their SHA-256 (indexed, unique) and a hint.</summary>
public sealed class EfCoreGatewayTokenStore : IGatewayTokenStore
{
    private readonly IDbContextFactory<NxtAIGenDbContext> _factory;

    /// <summary>Initializes a new instance of the <see cref="EfCoreGatewayTokenStore"/> class.</summary>
    /// <param name="factory">Creates database contexts.</param>
    public EfCoreGatewayTokenStore(IDbContextFactory<NxtAIGenDbContext> factory) => _factory = factory;

    /// <inheritdoc />
    public async ValueTask CreateAsync(GatewayToken token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        var db = await _factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            db.GatewayTokens.Add(new GatewayTokenEntity
            {
                Id = token.Id,
                UserId = token.UserId,
                Name = token.Name,
                TokenHash = token.TokenHash,
                Hint = token.Hint,
                CreatedAtUtcTicks = token.CreatedAt.UtcTicks,
                LastUsedAtUtcTicks = token.LastUsedAt?.UtcTicks,
            });
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask<GatewayToken?> FindByHashAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tokenHash);
        var db = await _factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var row = await db.GatewayTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == tokenHash, cancellationToken).ConfigureAwait(false);
            return row is null ? null : ToToken(row);
        }
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<GatewayToken>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var db = await _factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var rows = await db.GatewayTokens.AsNoTracking()
                .Where(t => t.UserId == userId)
                .OrderBy(t => t.CreatedAtUtcTicks)
                .ThenBy(t => t.Id)
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            return [.. rows.Select(ToToken)];
        }
    }

    /// <inheritdoc />
    public async ValueTask<bool> DeleteAsync(string userId, string tokenId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentException.ThrowIfNullOrEmpty(tokenId);
        var db = await _factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            return await db.GatewayTokens.Where(t => t.Id == tokenId && t.UserId == userId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false) > 0;
        }
    }

    /// <inheritdoc />
    public async ValueTask<int> DeleteAllAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var db = await _factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            return await db.GatewayTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask TouchAsync(string tokenId, DateTimeOffset usedAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tokenId);
        var ticks = usedAt.UtcTicks;
        var db = await _factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            await db.GatewayTokens
                .Where(t => t.Id == tokenId)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAtUtcTicks, ticks), cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private static GatewayToken ToToken(GatewayTokenEntity row) => new()
    {
        Id = row.Id,
        UserId = row.UserId,
        Name = row.Name,
        TokenHash = row.TokenHash,
        Hint = row.Hint,
        CreatedAt = new DateTimeOffset(row.CreatedAtUtcTicks, TimeSpan.Zero),
        LastUsedAt = row.LastUsedAtUtcTicks is { } used ? new DateTimeOffset(used, TimeSpan.Zero) : null,
    };
}
