namespace NxtAIGen.AspNetCore;

/// <summary>
/// Finds the API key to use for a caller and provider. The default reads the encrypted key vault
/// (<see cref="IApiKeyStore"/>): the signed-in caller's own key, then the server-wide stored key, then configuration.
/// </summary>
public interface IProviderKeyResolver
{
    /// <summary>Finds a stored key.</summary>
    /// <param name="caller">Who is asking.</param>
    /// <param name="providerId">The provider id.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The decrypted key for this one upstream call, or <see langword="null"/> to use the configured key.</returns>
    ValueTask<string?> ResolveAsync(ChatCaller caller, string providerId, CancellationToken cancellationToken);

    /// <summary>Finds a stored key and the service root stored with it (a user's own server, for example).</summary>
    /// <param name="caller">Who is asking.</param>
    /// <param name="providerId">The provider id.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The decrypted credentials for this one upstream call, or <see langword="null"/> to use the configured ones.</returns>
    async ValueTask<ProviderCredentials?> ResolveCredentialsAsync(ChatCaller caller, string providerId, CancellationToken cancellationToken)
    {
        var key = await ResolveAsync(caller, providerId, cancellationToken).ConfigureAwait(false);
        return key is null ? null : new ProviderCredentials(key);
    }
}
