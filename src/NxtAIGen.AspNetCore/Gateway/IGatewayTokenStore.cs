namespace NxtAIGen.AspNetCore;

/// <summary>
/// Stores users' gateway tokens (hashed). The default, <see cref="InMemoryGatewayTokenStore"/>, lives in memory;
/// <c>AddEntityFrameworkStores</c> (NxtAIGen.Storage.EntityFrameworkCore) keeps them in a database.
/// </summary>
public interface IGatewayTokenStore
{
    /// <summary>Adds a token.</summary>
    /// <param name="token">The token, hashed.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the token is stored.</returns>
    ValueTask CreateAsync(GatewayToken token, CancellationToken cancellationToken = default);

    /// <summary>Finds the token with this hash.</summary>
    /// <param name="tokenHash">The SHA-256 of the token text, as lower-case hex.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The token, or <see langword="null"/> when none has this hash (revoked or never issued).</returns>
    ValueTask<GatewayToken?> FindByHashAsync(string tokenHash, CancellationToken cancellationToken = default);

    /// <summary>Lists a user's tokens, oldest first.</summary>
    /// <param name="userId">The user id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tokens.</returns>
    ValueTask<IReadOnlyList<GatewayToken>> ListAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Revokes one of a user's tokens.</summary>
    /// <param name="userId">The user id; another user's token is not touched.</param>
    /// <param name="tokenId">The token's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether the user had that token.</returns>
    ValueTask<bool> DeleteAsync(string userId, string tokenId, CancellationToken cancellationToken = default);

    /// <summary>Revokes every token of a user (when the account is deleted, say).</summary>
    /// <param name="userId">The user id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many tokens were revoked.</returns>
    ValueTask<int> DeleteAllAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Records that a token authenticated a request.</summary>
    /// <param name="tokenId">The token's id.</param>
    /// <param name="usedAt">When.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the time is stored (nothing happens for an unknown id).</returns>
    ValueTask TouchAsync(string tokenId, DateTimeOffset usedAt, CancellationToken cancellationToken = default);
}
