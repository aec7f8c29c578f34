using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;
using NxtAIGen.AspNetCore.Keys;

namespace NxtAIGen.AspNetCore;

/// <summary>
/// Encrypts and decrypts stored API keys with ASP.NET Core Data Protection (by default AES-256-CBC with HMACSHA256, with
/// the host's key ring and its rotation). The purpose chain is the scope (<c>NxtAIGen.ApiKeys.v1.server</c> or
/// <c>NxtAIGen.ApiKeys.v1.user</c>), then the provider id, then (for users) the user id, so a ciphertext copied to
/// another user's or provider's row does not decrypt. The key and its optional base URL are protected together, so the
/// base URL cannot be changed without the key ring either.
/// </summary>
public sealed partial class ApiKeyProtector
{
    /// <summary>The Data Protection purpose of server-wide keys.</summary>
    public const string ServerPurpose = "NxtAIGen.ApiKeys.v1.server";

    /// <summary>The Data Protection purpose of users' own keys.</summary>
    public const string UserPurpose = "NxtAIGen.ApiKeys.v1.user";

    private const string PayloadVersion = "v1";
    private readonly IDataProtectionProvider _dataProtection;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <summary>Initializes the protector.</summary>
    /// <param name="dataProtection">The host's Data Protection.</param>
    /// <param name="timeProvider">The clock for <see cref="StoredApiKey.UpdatedAt"/>.</param>
    /// <param name="logger">Logs refused ciphertexts (never a value).</param>
    public ApiKeyProtector(IDataProtectionProvider dataProtection, TimeProvider timeProvider, ILogger<ApiKeyProtector> logger)
    {
        ArgumentNullException.ThrowIfNull(dataProtection);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _dataProtection = dataProtection;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Encrypts a key for storing.</summary>
    /// <param name="owner">Whose key it is.</param>
    /// <param name="providerId">The provider id.</param>
    /// <param name="apiKey">The plaintext key (printable ASCII, no spaces).</param>
    /// <param name="baseUrl">A service root to use with this key, or <see langword="null"/>.</param>
    /// <returns>What to give to <see cref="IApiKeyStore.SetAsync"/>.</returns>
    public StoredApiKey Protect(ApiKeyOwner owner, string providerId, string apiKey, Uri? baseUrl = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerId);
        if (ApiKeyText.Validate(apiKey, int.MaxValue) is { } problem)
        {
            throw new ArgumentException(problem, nameof(apiKey));
        }

        if (baseUrl is not null && !baseUrl.IsAbsoluteUri)
        {
            throw new ArgumentException("The base URL must be absolute.", nameof(baseUrl));
        }

        var payload = string.Join('\n', PayloadVersion, baseUrl?.AbsoluteUri ?? string.Empty, apiKey);
        return new StoredApiKey
        {
            Owner = owner,
            ProviderId = providerId,
            ProtectedValue = CreateProtector(owner, providerId).Protect(payload),
            Masked = ApiKeyText.Mask(apiKey),
            UpdatedAt = _timeProvider.GetUtcNow(),
        };
    }

    /// <summary>
    /// Decrypts a stored key for one upstream call. A ciphertext that was changed, copied from another owner or
    /// provider, or written with a key ring this host does not have is refused: logged (without its value) and
    /// reported as no key.
    /// </summary>
    /// <param name="stored">The stored key.</param>
    /// <param name="credentials">The key and its base URL.</param>
    /// <returns>Whether the ciphertext was genuine.</returns>
    public bool TryUnprotect(StoredApiKey stored, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ProviderCredentials? credentials)
    {
        ArgumentNullException.ThrowIfNull(stored);
        credentials = null;
        string payload;
        try
        {
            payload = CreateProtector(stored.Owner, stored.ProviderId).Unprotect(stored.ProtectedValue);
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            Log.Refused(_logger, stored.Owner.Scope, stored.ProviderId, stored.Owner.UserId);
            return false;
        }

        var parts = payload.Split('\n', 3);
        if (parts.Length != 3 || parts[0] != PayloadVersion || parts[2].Length == 0)
        {
            Log.Refused(_logger, stored.Owner.Scope, stored.ProviderId, stored.Owner.UserId);
            return false;
        }

        Uri? baseUrl = null;
        if (parts[1].Length > 0 && !Uri.TryCreate(parts[1], UriKind.Absolute, out baseUrl))
        {
            Log.Refused(_logger, stored.Owner.Scope, stored.ProviderId, stored.Owner.UserId);
            return false;
        }

        credentials = new ProviderCredentials(parts[2], baseUrl);
        return true;
    }

    private IDataProtector CreateProtector(ApiKeyOwner owner, string providerId)
    {
        var provider = providerId.Trim().ToUpperInvariant();
        return owner.Scope == ApiKeyScope.Server
            ? _dataProtection.CreateProtector(ServerPurpose, provider)
            : _dataProtection.CreateProtector(UserPurpose, provider, owner.UserId!);
    }

    private static partial class Log
    {
        [LoggerMessage(101, LogLevel.Warning, "A stored {Scope} API key for provider {ProviderId} (user {UserId}) could not be decrypted: it was changed, copied from another owner, or the Data Protection key ring no longer has its key. It is ignored.")]
        public static partial void Refused(ILogger logger, ApiKeyScope scope, string providerId, string? userId);
    }
}
