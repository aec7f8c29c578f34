namespace NxtAIGen.AspNetCore.Keys;

/// <summary>The default when no key vault is registered: always the configured key.</summary>
internal sealed class ConfiguredKeyResolver : IProviderKeyResolver
{
    public ValueTask<string?> ResolveAsync(ChatCaller caller, string providerId, CancellationToken cancellationToken) =>
        ValueTask.FromResult<string?>(null);
}
