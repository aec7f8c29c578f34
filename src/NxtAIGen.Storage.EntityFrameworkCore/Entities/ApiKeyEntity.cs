using NxtAIGen.AspNetCore;

namespace NxtAIGen.Storage.EntityFrameworkCore;

/// <summary>One encrypted API key (a row of <c>NxtAIGenApiKeys</c>): only the Data Protection ciphertext, never the key.</summary>
public sealed class ApiKeyEntity
{
    /// <summary>Gets or sets whose key it is.</summary>
    public ApiKeyScope Scope { get; set; }

    /// <summary>Gets or sets the user id; empty for server-wide keys.</summary>
    public string UserId { get; set; } = string.Empty;

    /// <summary>Gets or sets the provider id in upper case, for case-insensitive lookups.</summary>
    public string ProviderKey { get; set; } = string.Empty;

    /// <summary>Gets or sets the provider id as given.</summary>
    public string ProviderId { get; set; } = string.Empty;

    /// <summary>Gets or sets the ciphertext.</summary>
    public string ProtectedValue { get; set; } = string.Empty;

    /// <summary>Gets or sets the masked key.</summary>
    public string Masked { get; set; } = string.Empty;

    /// <summary>Gets or sets when the key was stored, as UTC ticks.</summary>
    public long UpdatedAtUtcTicks { get; set; }
}
