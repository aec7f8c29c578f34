using System.Security.Cryptography;
using System.Text;

namespace NxtAIGen.AspNetCore.Gateway;

/// <summary>
/// Gateway token text: <c>nxg_</c> and 32 random bytes in base64url (256 bits), stored only as its SHA-256 with a hint
/// of its last four characters.
/// </summary>
internal static class GatewayTokenText
{
    public const string Prefix = "nxg_";

    private static readonly System.Buffers.SearchValues<char> Base64UrlAlphabet =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    public static string Generate() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string Hint(string token) => Prefix + "…" + token[^4..];

    /// <summary>Whether the text has the form of a token (so it is worth looking up).</summary>
    public static bool LooksLikeToken(string text) =>
        text.Length == Prefix.Length + 43
        && text.StartsWith(Prefix, StringComparison.Ordinal)
        && text.AsSpan(Prefix.Length).ContainsAnyExcept(Base64UrlAlphabet) is false;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
