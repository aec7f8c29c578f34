using NxtAIGen.Abstractions;
using NxtAIGen.Providers.Anthropic.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Anthropic Messages API provider to NxtAIGen.</summary>
public static class AnthropicNxtAIGenBuilderExtensions
{
    /// <summary>
    /// Adds the provider type <c>anthropic</c> (Claude, <c>https://api.anthropic.com</c>, default model
    /// <c>claude-sonnet-4-5</c>). Other ids can use it with <c>NxtAIGen:Providers:&lt;id&gt;:Type = anthropic</c>,
    /// for example a proxy with its own <c>BaseUrl</c>. Calling it again adds nothing twice.
    /// </summary>
    /// <param name="builder">The builder from <c>AddNxtAIGen()</c> or <c>AddNxtAIGenCore()</c>.</param>
    /// <param name="configure">Sets the options of the <c>anthropic</c> id (applied over configuration), or <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    public static INxtAIGenBuilder AddAnthropic(this INxtAIGenBuilder builder, Action<ChatProviderOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHttpClient(AnthropicChatStreamProvider.HttpClientName);
        builder.AddProviderType(new ChatProviderRegistration
        {
            Type = AnthropicDefaults.Type,
            Name = AnthropicDefaults.Name,
            Capabilities = AnthropicDefaults.Capabilities,
            DefaultBaseUrl = AnthropicDefaults.BaseUrl,
            DefaultModel = AnthropicDefaults.DefaultModel,
            RequiresApiKey = true,
            IsBuiltIn = true,
            Create = static (services, settings) => new AnthropicChatStreamProvider(
                settings,
                services.GetRequiredService<IHttpClientFactory>().CreateClient(AnthropicChatStreamProvider.HttpClientName),
                services.GetService<TimeProvider>()),
        });

        if (configure is not null)
        {
            builder.ConfigureProvider(AnthropicDefaults.Type, configure);
        }

        return builder;
    }
}
