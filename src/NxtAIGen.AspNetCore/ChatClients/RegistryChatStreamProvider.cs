using NxtAIGen.Abstractions;

namespace NxtAIGen.AspNetCore.ChatClients;

/// <summary>A provider id looked up in the registry on every call, so that configuration reloads apply to long-lived chat clients.</summary>
internal sealed class RegistryChatStreamProvider : IChatStreamProvider
{
    private readonly IChatProviderRegistry _registry;

    public RegistryChatStreamProvider(IChatProviderRegistry registry, string id)
    {
        _registry = registry;
        Id = id;
    }

    public string Id { get; }

    public ChatCapabilities Capabilities => _registry.TryGetDescriptor(Id, out var descriptor) ? descriptor.Capabilities : ChatCapabilities.None;

    public IAsyncEnumerable<ChatChunk> StreamAsync(ChatRequest request, CancellationToken cancellationToken = default) =>
        Resolve().StreamAsync(request, cancellationToken);

    public Task<IReadOnlyList<ChatModelInfo>> ListModelsAsync(CancellationToken cancellationToken = default) =>
        Resolve().ListModelsAsync(cancellationToken);

    private IChatStreamProvider Resolve()
    {
        if (!_registry.TryGetDescriptor(Id, out var descriptor) || !descriptor.Enabled)
        {
            throw new NxtAIGenProviderException(ProviderErrorKind.NotFound, Id, $"{Id}: the provider is unknown or disabled.");
        }

        return _registry.GetProvider(descriptor.Id);
    }
}
