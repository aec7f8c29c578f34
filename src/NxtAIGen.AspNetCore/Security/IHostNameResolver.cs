using System.Net;

namespace NxtAIGen.AspNetCore.Security;

/// <summary>Resolves host names to addresses (DNS by default; tests replace it).</summary>
internal interface IHostNameResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}
