namespace NxtAIGen.AspNetCore;

/// <summary>Finds the API key to use for a caller and provider: the caller's own key, then a server-wide stored key.</summary>
public interface IProviderKeyResolver
{
    /// <summary>Finds a stored key.</summary>
    /// <param name="caller">Who is asking.</param>
    /// <param name="providerId">The provider id.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The decrypted key for this one upstream call, or <see langword="null"/> to use the configured key.</returns>
    ValueTask<string?> ResolveAsync(ChatCaller caller, string providerId, CancellationToken cancellationToken);
}
