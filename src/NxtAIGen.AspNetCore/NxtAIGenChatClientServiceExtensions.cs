using Microsoft.Extensions.AI;
using NxtAIGen.Abstractions;
using NxtAIGen.AspNetCore.ChatClients;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Offers NxtAIGen providers to code written against Microsoft.Extensions.AI's <see cref="IChatClient"/>.</summary>
public static class NxtAIGenChatClientServiceExtensions
{
    /// <summary>
    /// Registers the provider <paramref name="providerId"/> as a keyed <see cref="IChatClient"/> (key: <paramref name="serviceKey"/>,
    /// or the provider id), resolved with <c>[FromKeyedServices("openai")] IChatClient</c> or
    /// <c>GetRequiredKeyedService&lt;IChatClient&gt;("openai")</c>. The provider is looked up in the registry on each call, so
    /// configuration reloads apply; its server-wide key is used.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="providerId">The provider id, for example <c>openai</c>.</param>
    /// <param name="serviceKey">The service key; <see langword="null"/> uses <paramref name="providerId"/>.</param>
    /// <returns>A <see cref="ChatClientBuilder"/> to add middleware to (<c>.UseFunctionInvocation()</c>, <c>.UseOpenTelemetry()</c>, ...).</returns>
    public static ChatClientBuilder AddProviderAsChatClient(this INxtAIGenBuilder builder, string providerId, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(providerId);
        return builder.Services.AddKeyedChatClient(
            serviceKey ?? providerId,
            services => CreateClient(services, providerId),
            ServiceLifetime.Singleton);
    }

    private static IChatClient CreateClient(IServiceProvider services, string providerId)
    {
        var registry = services.GetRequiredService<IChatProviderRegistry>();
        var defaultModel = registry.TryGetDescriptor(providerId, out var descriptor) ? descriptor.DefaultModel : null;
        return new RegistryChatStreamProvider(registry, providerId).AsChatClient(defaultModel);
    }
}
