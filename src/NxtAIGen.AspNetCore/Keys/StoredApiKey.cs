namespace NxtAIGen.AspNetCore;

/// <summary>
/// One stored API key as an <see cref="IApiKeyStore"/> keeps it: only the Data Protection ciphertext (which also
/// holds the optional base URL) and metadata that is safe to show. Produced by <see cref="ApiKeyProtector.Protect"/>.
/// </summary>
public sealed record StoredApiKey
{
    /// <summary>Gets whose key it is.</summary>
    public required ApiKeyOwner Owner { get; init; }

    /// <summary>Gets the provider id, for example <c>openai</c>.</summary>
    public required string ProviderId { get; init; }

    /// <summary>Gets the ciphertext: the key (and base URL) protected with ASP.NET Core Data Protection, bound to the owner and provider.</summary>
    public required string ProtectedValue { get; init; }

    /// <summary>Gets the masked key for listings: the first 4 characters, a run of <c>•</c>, the last 4 (short keys fully masked).</summary>
    public required string Masked { get; init; }

    /// <summary>Gets when the key was stored.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }
}
