using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace NxtAIGen.AspNetCore.Security;

/// <summary>
/// Decides whether a base URL may be stored with a key. Everyone: an absolute http(s) URL without user info.
/// Users also: it matches <see cref="NxtAIGenSecurityOptions.AllowedUserBaseUrls"/>, and (unless
/// <see cref="NxtAIGenSecurityOptions.AllowPrivateUserBaseUrls"/>) neither its address nor any address its name
/// resolves to is private, loopback, link-local or otherwise internal.
/// </summary>
internal sealed class UserBaseUrlPolicy
{
    private readonly IOptionsMonitor<NxtAIGenSecurityOptions> _options;
    private readonly IHostNameResolver _resolver;

    public UserBaseUrlPolicy(IOptionsMonitor<NxtAIGenSecurityOptions> options, IHostNameResolver resolver)
    {
        _options = options;
        _resolver = resolver;
    }

    /// <summary>Parses and checks a base URL.</summary>
    /// <returns>The URL, or why it is refused (a message safe to show; it does not repeat the URL).</returns>
    public async Task<(Uri? Url, string? Refusal)> CheckAsync(string text, bool forUser, CancellationToken cancellationToken)
    {
        if (text.Length > 2048 || !Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url)
            || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            return (null, "The base URL must be an absolute http or https URL.");
        }

        if (url.UserInfo.Length > 0 || url.Query.Length > 0 || url.Fragment.Length > 0)
        {
            return (null, "The base URL may not contain user info, a query or a fragment.");
        }

        if (!forUser)
        {
            return (url, null);
        }

        var refusal = await CheckUserUrlAsync(url, cancellationToken).ConfigureAwait(false);
        return refusal is null ? (url, null) : (null, refusal);
    }

    /// <summary>Checks an already stored user base URL again, before it is used (the allow-list or DNS may have changed).</summary>
    public Task<string?> CheckUserUrlAsync(Uri url, CancellationToken cancellationToken)
    {
        var options = _options.CurrentValue;
        if (!options.AllowedUserBaseUrls.Select(ParseRule).Any(rule => rule is not null && rule.Matches(url)))
        {
            return Task.FromResult<string?>("The base URL is not allowed on this server (NxtAIGen:Security:AllowedUserBaseUrls).");
        }

        return options.AllowPrivateUserBaseUrls ? Task.FromResult<string?>(null) : CheckPublicAsync(url, cancellationToken);
    }

    /// <summary>Parses one allow-list entry; <see langword="null"/> when it is neither a URL prefix nor a host pattern.</summary>
    public static Rule? ParseRule(string? entry)
    {
        if (string.IsNullOrWhiteSpace(entry))
        {
            return null;
        }

        entry = entry.Trim();
        if (entry.Contains("://", StringComparison.Ordinal))
        {
            return Uri.TryCreate(entry, UriKind.Absolute, out var prefix) && (prefix.Scheme == Uri.UriSchemeHttps || prefix.Scheme == Uri.UriSchemeHttp)
                ? new Rule(prefix, null)
                : null;
        }

        if (entry == "*")
        {
            return new Rule(null, "*");
        }

        var host = entry.StartsWith("*.", StringComparison.Ordinal) ? entry[2..] : entry;
        return Uri.CheckHostName(host) is UriHostNameType.Dns or UriHostNameType.IPv4 ? new Rule(null, entry) : null;
    }

    /// <summary>Whether an address is not on the public internet: loopback, private, link-local, unique-local, CGNAT, multicast, reserved.</summary>
    public static bool IsInternal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            Span<byte> b = stackalloc byte[4];
            address.TryWriteBytes(b, out _);
            return b[0] switch
            {
                0 or 10 or 127 => true,
                100 => b[1] >= 64 && b[1] < 128,       // 100.64.0.0/10 carrier-grade NAT
                169 => b[1] == 254,                     // link-local, cloud metadata
                172 => b[1] >= 16 && b[1] < 32,
                192 => (b[1] == 168) || (b[1] == 0 && (b[2] == 0 || b[2] == 2)) || (b[1] == 88 && b[2] == 99),
                198 => b[1] is 18 or 19 || (b[1] == 51 && b[2] == 100),
                203 => b[1] == 0 && b[2] == 113,
                >= 224 => true,                         // multicast, reserved, broadcast
                _ => false,
            };
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (IPAddress.IPv6Loopback.Equals(address) || IPAddress.IPv6Any.Equals(address)
                || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast)
            {
                return true;
            }

            Span<byte> b = stackalloc byte[16];
            address.TryWriteBytes(b, out _);
            if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b)
            {
                return IsInternal(new IPAddress(b[12..16])); // NAT64 64:ff9b::/96
            }

            if (b[0] == 0x20 && b[1] == 0x02)
            {
                return IsInternal(new IPAddress(b[2..6])); // 6to4 2002::/16
            }

            if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8)
            {
                return true; // documentation 2001:db8::/32
            }

            // ::/96 (IPv4-compatible, deprecated) and the rest of ::/8.
            return b[0] == 0;
        }

        return true;
    }

    private async Task<string?> CheckPublicAsync(Uri url, CancellationToken cancellationToken)
    {
        const string Internal = "The base URL points at a private, loopback or link-local address, which users may not use on this server.";
        var host = url.IdnHost.Trim('[', ']');
        if (IPAddress.TryParse(host, out var literal))
        {
            return IsInternal(literal) ? Internal : null;
        }

        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return Internal;
        }

        IPAddress[] addresses;
        try
        {
            addresses = await _resolver.ResolveAsync(host, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException)
        {
            return "The base URL's host name could not be resolved.";
        }

        if (addresses.Length == 0)
        {
            return "The base URL's host name could not be resolved.";
        }

        return addresses.Any(IsInternal) ? Internal : null;
    }

    /// <summary>One allow-list entry: a URL prefix or a host pattern.</summary>
    internal sealed class Rule(Uri? prefix, string? hostPattern)
    {
        public bool Matches(Uri url)
        {
            if (prefix is not null)
            {
                if (!string.Equals(prefix.Scheme, url.Scheme, StringComparison.OrdinalIgnoreCase)
                    || !string.Equals(prefix.IdnHost, url.IdnHost, StringComparison.OrdinalIgnoreCase)
                    || prefix.Port != url.Port)
                {
                    return false;
                }

                var path = prefix.AbsolutePath.TrimEnd('/');
                return path.Length == 0
                    || url.AbsolutePath.Equals(path, StringComparison.Ordinal)
                    || url.AbsolutePath.StartsWith(path + "/", StringComparison.Ordinal);
            }

            if (hostPattern == "*")
            {
                return true;
            }

            var host = url.IdnHost;
            return hostPattern!.StartsWith("*.", StringComparison.Ordinal)
                ? host.EndsWith(hostPattern[1..], StringComparison.OrdinalIgnoreCase) && host.Length > hostPattern.Length - 1
                : host.Equals(hostPattern, StringComparison.OrdinalIgnoreCase);
        }
    }
}
