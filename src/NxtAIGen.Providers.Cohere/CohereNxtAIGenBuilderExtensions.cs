using NxtAIGen.Abstractions;
using NxtAIGen.Providers.Cohere.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Cohere provider (the v2 chat API) to NxtAIGen.</summary>
public static class CohereNxtAIGenBuilderExtensions
{
    private const string ProviderId = "cohere";

    /// <summary>
    /// Adds the provider type <c>cohere</c>: <c>POST https://api.cohere.com/v2/chat</c> with a bearer key
    /// (<see cref="ChatProviderOptions.ApiKey"/>), or another root through <see cref="ChatProviderOptions.BaseUrl"/>
    /// (a private deployment, a proxy, a local fake). Calling it again adds nothing twice.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options of the <c>cohere</c> id (applied over configuration), or <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    public static INxtAIGenBuilder AddCohere(this INxtAIGenBuilder builder, Action<ChatProviderOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHttpClient(CohereChatStreamProvider.HttpClientName);
        builder.AddProviderType(new ChatProviderRegistration
        {
            Type = ProviderId,
            Name = "Cohere",
            Capabilities = CohereChatStreamProvider.DefaultCapabilities,
            DefaultBaseUrl = CohereChatStreamProvider.DefaultBaseUrl,
            DefaultModel = CohereChatStreamProvider.DefaultModel,
            RequiresApiKey = true,
            Create = static (services, settings) => new CohereChatStreamProvider(
                settings,
                services.GetRequiredService<IHttpClientFactory>().CreateClient(CohereChatStreamProvider.HttpClientName),
                services.GetService<TimeProvider>()),
        });

        if (configure is not null)
        {
            builder.ConfigureProvider(ProviderId, configure);
        }

        return builder;
    }
}
