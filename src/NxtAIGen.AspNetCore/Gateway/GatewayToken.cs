namespace NxtAIGen.AspNetCore;

/// <summary>
/// A user's gateway token as stored: the SHA-256 of the token and a hint to recognise it, never the token itself.
/// </summary>
public sealed record GatewayToken
{
    /// <summary>Gets the token's id (used to list and revoke it).</summary>
    public required string Id { get; init; }

    /// <summary>Gets the id of the user the token authenticates as.</summary>
    public required string UserId { get; init; }

    /// <summary>Gets the name the user gave it.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the SHA-256 of the token text, as 64 lower-case hex digits.</summary>
    public required string TokenHash { get; init; }

    /// <summary>Gets a hint that tells tokens apart without revealing them, for example <c>nxg_…a1B2</c>.</summary>
    public required string Hint { get; init; }

    /// <summary>Gets when the token was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets when the token last authenticated a request (to the resolution of <see cref="NxtAIGenGatewayOptions.LastUsedResolution"/>), or <see langword="null"/>.</summary>
    public DateTimeOffset? LastUsedAt { get; init; }
}
