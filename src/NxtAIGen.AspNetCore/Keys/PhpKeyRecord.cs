namespace NxtAIGen.AspNetCore;

/// <summary>One key as the PHP application stored it, to import with <see cref="PhpKeyImporter"/>.</summary>
/// <param name="Scope">Server-wide or a user's own key.</param>
/// <param name="UserId">The user id in this host (for <see cref="ApiKeyScope.User"/>); <see langword="null"/> for the server.</param>
/// <param name="ProviderId">The provider id, for example <c>openai</c>.</param>
/// <param name="Value">The PHP application's stored value: Base64 of a 16-byte IV followed by the AES-256-CBC ciphertext.</param>
public sealed record PhpKeyRecord(ApiKeyScope Scope, string? UserId, string ProviderId, string Value)
{
    /// <summary>Returns a description without the value.</summary>
    /// <returns>A text safe to log.</returns>
    public override string ToString() => $"PhpKeyRecord {{ Scope = {Scope}, UserId = {UserId}, ProviderId = {ProviderId} }}";
}
