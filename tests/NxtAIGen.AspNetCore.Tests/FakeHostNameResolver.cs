using System.Net;
using System.Net.Sockets;
using NxtAIGen.AspNetCore.Security;

namespace NxtAIGen.AspNetCore.Tests;

/// <summary>Resolves a few test host names without DNS; any other name does not resolve.</summary>
internal sealed class FakeHostNameResolver : IHostNameResolver
{
    private static readonly Dictionary<string, IPAddress[]> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ollama.example.com"] = [IPAddress.Parse("93.184.216.34")],
        ["llm.example.com"] = [IPAddress.Parse("93.184.216.35"), IPAddress.Parse("2606:2800:220:1:248:1893:25c8:1946")],
        ["intranet.example.com"] = [IPAddress.Parse("10.1.2.3")],
        ["sneaky.example.com"] = [IPAddress.Parse("93.184.216.36"), IPAddress.Parse("fd00::1")],
        ["metadata.example.com"] = [IPAddress.Parse("169.254.169.254")],
    };

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        Names.TryGetValue(host, out var addresses)
            ? Task.FromResult(addresses)
            : Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound));
}
