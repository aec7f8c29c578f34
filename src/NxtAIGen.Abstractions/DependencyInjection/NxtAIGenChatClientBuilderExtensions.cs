using Microsoft.Extensions.AI;
using NxtAIGen.Abstractions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Microsoft.Extensions.AI chat clients as NxtAIGen providers.</summary>
public static class NxtAIGenChatClientBuilderExtensions
{
    /// <summary>
    /// Adds the provider id <paramref name="id"/>, backed by an <see cref="IChatClient"/> (OllamaSharp, an Azure or OpenAI
    /// client, a middleware pipeline). It is listed and used like any other provider: its <c>NxtAIGen:Providers:&lt;id&gt;</c>
    /// settings (<c>Enabled</c>, <c>Name</c>, <c>DefaultModel</c>, <c>Models</c>) apply; it needs no API key or base URL of its own.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="id">The provider id; it must not be a built-in id.</param>
    /// <param name="factory">Creates the client; called once per configuration snapshot (the client is shared).</param>
    /// <param name="configure">Sets capabilities and model listing.</param>
    /// <returns>The builder.</returns>
    public static INxtAIGenBuilder AddChatClient(
        this INxtAIGenBuilder builder, string id, Func<IServiceProvider, IChatClient> factory, Action<ChatClientProviderOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(factory);
        var options = new ChatClientProviderOptions();
        configure?.Invoke(options);
        return builder.AddProviderType(new ChatProviderRegistration
        {
            Type = id,
            Name = id,
            Capabilities = options.Capabilities,
            DefaultModel = options.DefaultModel,
            RequiresApiKey = false,
            RequiresBaseUrl = false,
            Create = (services, settings) =>
            {
                var effective = new ChatClientProviderOptions
                {
                    Capabilities = settings.Capabilities,
                    DefaultModel = settings.DefaultModel,
                    ListModels = options.ListModels,
                };
                foreach (var model in settings.Models.Count > 0 ? settings.Models : (IEnumerable<string>)options.Models)
                {
                    effective.Models.Add(model);
                }

                return factory(services).AsChatStreamProvider(settings.Id, effective);
            },
        });
    }

    /// <summary>Adds the provider id <paramref name="id"/>, backed by the <see cref="IChatClient"/> registered in the services (keyed by <paramref name="serviceKey"/> when given).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="id">The provider id.</param>
    /// <param name="serviceKey">The key of a keyed <see cref="IChatClient"/> registration, or <see langword="null"/> for the unkeyed one.</param>
    /// <param name="configure">Sets capabilities and model listing.</param>
    /// <returns>The builder.</returns>
    public static INxtAIGenBuilder AddChatClient(this INxtAIGenBuilder builder, string id, object? serviceKey = null, Action<ChatClientProviderOptions>? configure = null) =>
        builder.AddChatClient(
            id,
            services => serviceKey is null ? services.GetRequiredService<IChatClient>() : services.GetRequiredKeyedService<IChatClient>(serviceKey),
            configure);
}
