using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace NxtAIGen.AspNetCore.Usage;

/// <summary>
/// Turns an IP address into a salted hash (HMAC-SHA256 keyed with <c>NxtAIGen:UsageLog:IpHashSalt</c>, or a random
/// per-process key), for the usage log and the per-IP guest ceiling. The raw address is never stored.
/// </summary>
internal sealed class IpAddressHasher
{
    private readonly byte[] _key;

    public IpAddressHasher(IOptions<NxtAIGenOptions> options)
    {
        var salt = options.Value.UsageLog.IpHashSalt;
        _key = string.IsNullOrEmpty(salt) ? RandomNumberGenerator.GetBytes(32) : Encoding.UTF8.GetBytes(salt);
    }

    public string? Hash(string? ipAddress)
    {
        if (string.IsNullOrEmpty(ipAddress))
        {
            return null;
        }

        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(ipAddress), hash);
        return Convert.ToHexStringLower(hash);
    }
}
