using Acme.NxtAIGen;
using NxtAIGen.Abstractions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Acme provider to NxtAIGen.</summary>
public static class AcmeNxtAIGenBuilderExtensions
{
    /// <summary>
    /// Adds the provider type <c>acme</c> (<c>https://api.acme.example/</c>, default model <c>acme-1</c>). Its settings
    /// bind from <c>NxtAIGen:Providers:acme</c> (<c>ApiKey</c>, <c>BaseUrl</c>, <c>DefaultModel</c>, ...).
    /// </summary>
    /// <param name="builder">The builder from <c>AddNxtAIGen()</c> or <c>AddNxtAIGenCore()</c>.</param>
    /// <param name="configure">Sets the options of the <c>acme</c> id (applied over configuration), or <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    public static INxtAIGenBuilder AddAcme(this INxtAIGenBuilder builder, Action<ChatProviderOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHttpClient(AcmeChatStreamProvider.HttpClientName);
        builder.AddProviderType(new ChatProviderRegistration
        {
            Type = "acme",
            Name = "Acme",
            Capabilities = ChatCapabilities.None,
            DefaultBaseUrl = new Uri("https://api.acme.example/"),
            DefaultModel = "acme-1",
            RequiresApiKey = true,
            Create = static (services, settings) => new AcmeChatStreamProvider(
                settings,
                services.GetRequiredService<IHttpClientFactory>().CreateClient(AcmeChatStreamProvider.HttpClientName),
                services.GetService<TimeProvider>()),
        });

        if (configure is not null)
        {
            builder.ConfigureProvider("acme", configure);
        }

        return builder;
    }
}
