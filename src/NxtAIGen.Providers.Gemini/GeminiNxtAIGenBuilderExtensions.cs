using NxtAIGen.Abstractions;
using NxtAIGen.Providers.Gemini.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Google Gemini provider (Generative Language API) to NxtAIGen.</summary>
public static class GeminiNxtAIGenBuilderExtensions
{
    /// <summary>
    /// Adds the provider type <c>gemini</c>: <c>POST {BaseUrl}/v1beta/models/{model}:streamGenerateContent?alt=sse</c>
    /// with the key in the <c>x-goog-api-key</c> header. The default base URL is
    /// <c>https://generativelanguage.googleapis.com</c> and the default model <c>gemini-3.5-flash</c>; both can be
    /// overridden under <c>NxtAIGen:Providers:gemini</c>. Calling it again adds nothing twice.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options of the <c>gemini</c> id (applied over configuration), or <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    public static INxtAIGenBuilder AddGemini(this INxtAIGenBuilder builder, Action<ChatProviderOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHttpClient(GeminiChatStreamProvider.HttpClientName);
        builder.AddProviderType(new ChatProviderRegistration
        {
            Type = GeminiChatStreamProvider.ProviderType,
            Name = "Google Gemini",
            Capabilities = GeminiChatStreamProvider.DefaultCapabilities,
            DefaultBaseUrl = GeminiChatStreamProvider.DefaultBaseUrl,
            DefaultModel = GeminiChatStreamProvider.DefaultModel,
            Create = (services, settings) => new GeminiChatStreamProvider(
                settings,
                services.GetRequiredService<IHttpClientFactory>().CreateClient(GeminiChatStreamProvider.HttpClientName),
                services.GetService<TimeProvider>()),
        });

        if (configure is not null)
        {
            builder.ConfigureProvider(GeminiChatStreamProvider.ProviderType, configure);
        }

        return builder;
    }
}
