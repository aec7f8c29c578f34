namespace NxtAIGen.Storage.EntityFrameworkCore;

/// <summary>One gateway token (a row of <c>NxtAIGenGatewayTokens</c>): its SHA-256 and hint, never the token.</summary>
public sealed class GatewayTokenEntity
{
    /// <summary>Gets or sets the token's id.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>Gets or sets the id of the user it authenticates as.</summary>
    public string UserId { get; set; } = string.Empty;

    /// <summary>Gets or sets the name the user gave it.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Gets or sets the SHA-256 of the token, as lower-case hex (unique).</summary>
    public string TokenHash { get; set; } = string.Empty;

    /// <summary>Gets or sets the hint shown to tell tokens apart.</summary>
    public string Hint { get; set; } = string.Empty;

    /// <summary>Gets or sets when the token was created, as UTC ticks.</summary>
    public long CreatedAtUtcTicks { get; set; }

    /// <summary>Gets or sets when the token was last used, as UTC ticks, or <see langword="null"/>.</summary>
    public long? LastUsedAtUtcTicks { get; set; }
}
