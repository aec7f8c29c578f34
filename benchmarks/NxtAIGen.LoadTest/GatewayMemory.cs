using System.Globalization;

namespace NxtAIGen.LoadTest;

/// <summary>The gateway host's managed heap after a forced full collection (its <c>/_load/memory</c> endpoint).</summary>
internal static class GatewayMemory
{
    public static async Task<long> ManagedHeapAsync(ChildProcess gateway, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var text = await http.GetStringAsync(new Uri(gateway.Url, "/_load/memory"), cancellationToken);
        return long.Parse(text, CultureInfo.InvariantCulture);
    }
}
