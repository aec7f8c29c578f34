namespace NxtAIGen.AspNetCore;

/// <summary>
/// Where encrypted API keys are kept: server-wide keys and each user's own keys, one per provider and owner.
/// A store never sees a plaintext key; it keeps <see cref="StoredApiKey"/> values as they are given.
/// The default is <see cref="InMemoryApiKeyStore"/> (one instance, lost on restart); durable stores come from other packages.
/// </summary>
public interface IApiKeyStore
{
    /// <summary>Finds the key of <paramref name="owner"/> for <paramref name="providerId"/>.</summary>
    /// <param name="owner">Whose key.</param>
    /// <param name="providerId">The provider id (case-insensitive).</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The stored key, or <see langword="null"/>.</returns>
    ValueTask<StoredApiKey?> GetAsync(ApiKeyOwner owner, string providerId, CancellationToken cancellationToken = default);

    /// <summary>Lists the keys of <paramref name="owner"/>, sorted by provider id.</summary>
    /// <param name="owner">Whose keys.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The stored keys.</returns>
    ValueTask<IReadOnlyList<StoredApiKey>> ListAsync(ApiKeyOwner owner, CancellationToken cancellationToken = default);

    /// <summary>Adds or replaces the key of <see cref="StoredApiKey.Owner"/> for <see cref="StoredApiKey.ProviderId"/>.</summary>
    /// <param name="key">The encrypted key.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the key is stored.</returns>
    ValueTask SetAsync(StoredApiKey key, CancellationToken cancellationToken = default);

    /// <summary>Removes the key of <paramref name="owner"/> for <paramref name="providerId"/>.</summary>
    /// <param name="owner">Whose key.</param>
    /// <param name="providerId">The provider id (case-insensitive).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>Whether there was a key to remove.</returns>
    ValueTask<bool> DeleteAsync(ApiKeyOwner owner, string providerId, CancellationToken cancellationToken = default);
}
