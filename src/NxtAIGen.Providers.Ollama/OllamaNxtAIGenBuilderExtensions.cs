using NxtAIGen.Abstractions;
using NxtAIGen.Providers.Ollama.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Ollama provider (the native <c>/api/chat</c> API) to NxtAIGen.</summary>
public static class OllamaNxtAIGenBuilderExtensions
{
    private const string ProviderId = "ollama";

    /// <summary>
    /// Adds the provider type <c>ollama</c>: a local Ollama server at <c>http://localhost:11434</c> by default (no key
    /// needed), or any other Ollama endpoint through <see cref="ChatProviderOptions.BaseUrl"/> (for Ollama's cloud,
    /// <c>https://ollama.com</c> with an API key, sent as a bearer token). Calling it again adds nothing twice.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options of the <c>ollama</c> id (applied over configuration), or <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    public static INxtAIGenBuilder AddOllama(this INxtAIGenBuilder builder, Action<ChatProviderOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHttpClient(OllamaChatStreamProvider.HttpClientName);
        builder.AddProviderType(new ChatProviderRegistration
        {
            Type = ProviderId,
            Name = "Ollama",
            Capabilities = OllamaChatStreamProvider.DefaultCapabilities,
            DefaultBaseUrl = OllamaChatStreamProvider.DefaultBaseUrl,
            DefaultModel = OllamaChatStreamProvider.DefaultModel,
            RequiresApiKey = false,
            Create = static (services, settings) => new OllamaChatStreamProvider(
                settings,
                services.GetRequiredService<IHttpClientFactory>().CreateClient(OllamaChatStreamProvider.HttpClientName),
                services.GetService<TimeProvider>()),
        });

        if (configure is not null)
        {
            builder.ConfigureProvider(ProviderId, configure);
        }

        return builder;
    }
}
