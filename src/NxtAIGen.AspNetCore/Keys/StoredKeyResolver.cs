using Microsoft.Extensions.Logging;
using NxtAIGen.AspNetCore.Security;

namespace NxtAIGen.AspNetCore.Keys;

/// <summary>
/// The default <see cref="IProviderKeyResolver"/>: the signed-in caller's own stored key for the provider, then the
/// server-wide stored key, then <see langword="null"/> (configuration). Keys are decrypted here, once per request.
/// A user's key whose base URL is no longer allowed, or a ciphertext that does not decrypt, is skipped.
/// </summary>
internal sealed partial class StoredKeyResolver : IProviderKeyResolver
{
    private readonly IApiKeyStore _store;
    private readonly ApiKeyProtector _protector;
    private readonly UserBaseUrlPolicy _baseUrls;
    private readonly ILogger<StoredKeyResolver> _logger;

    public StoredKeyResolver(IApiKeyStore store, ApiKeyProtector protector, UserBaseUrlPolicy baseUrls, ILogger<StoredKeyResolver> logger)
    {
        _store = store;
        _protector = protector;
        _baseUrls = baseUrls;
        _logger = logger;
    }

    public async ValueTask<string?> ResolveAsync(ChatCaller caller, string providerId, CancellationToken cancellationToken) =>
        (await ResolveCredentialsAsync(caller, providerId, cancellationToken).ConfigureAwait(false))?.ApiKey;

    public async ValueTask<ProviderCredentials?> ResolveCredentialsAsync(ChatCaller caller, string providerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentException.ThrowIfNullOrEmpty(providerId);
        if (caller.IsUser)
        {
            var own = await _store.GetAsync(ApiKeyOwner.ForUser(caller.Id), providerId, cancellationToken).ConfigureAwait(false);
            if (own is not null && _protector.TryUnprotect(own, out var credentials))
            {
                if (credentials.BaseUrl is null)
                {
                    return credentials;
                }

                var refusal = await _baseUrls.CheckUserUrlAsync(credentials.BaseUrl, cancellationToken).ConfigureAwait(false);
                if (refusal is null)
                {
                    return credentials;
                }

                LogBaseUrlNoLongerAllowed(_logger, providerId, caller.Id, refusal);
            }
        }

        var server = await _store.GetAsync(ApiKeyOwner.Server, providerId, cancellationToken).ConfigureAwait(false);
        return server is not null && _protector.TryUnprotect(server, out var serverCredentials) ? serverCredentials : null;
    }

    [LoggerMessage(110, LogLevel.Warning, "The stored key of user {UserId} for provider {ProviderId} is skipped: its base URL is no longer allowed ({Reason}).")]
    private static partial void LogBaseUrlNoLongerAllowed(ILogger logger, string providerId, string userId, string reason);
}
