using System.Text.Json.Serialization;

namespace NxtAIGen.AspNetCore.Gateway;

/// <summary>
/// A gateway token as <c>{prefix}/gateway/tokens</c> shows it: <c>{id, name, hint, created_at, last_used_at}</c>, and
/// the token itself only in the answer to its creation.
/// </summary>
internal sealed record GatewayTokenResponse(string Id, string Name, string Hint, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt)
{
    /// <summary>Gets the token: only when it was just created, never again.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Token { get; init; }

    public static GatewayTokenResponse From(GatewayToken token) => new(token.Id, token.Name, token.Hint, token.CreatedAt, token.LastUsedAt);
}
