using System.Net;

namespace NxtAIGen.AspNetCore.Security;

/// <summary>Resolves host names with the system resolver.</summary>
internal sealed class DnsHostNameResolver : IHostNameResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        Dns.GetHostAddressesAsync(host, cancellationToken);
}
