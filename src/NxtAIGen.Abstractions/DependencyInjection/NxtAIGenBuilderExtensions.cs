using NxtAIGen.Abstractions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Helpers for provider packages and hosts that configure providers in code.</summary>
public static class NxtAIGenBuilderExtensions
{
    /// <summary>Adds a provider type. Adding the same type twice keeps the first.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="registration">The type and how to create it.</param>
    /// <returns>The builder.</returns>
    public static INxtAIGenBuilder AddProviderType(this INxtAIGenBuilder builder, ChatProviderRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(registration);
        if (!builder.Services.Any(d => d.ServiceType == typeof(ChatProviderRegistration)
                && d.ImplementationInstance is ChatProviderRegistration existing
                && string.Equals(existing.Type, registration.Type, StringComparison.OrdinalIgnoreCase)))
        {
            builder.Services.AddSingleton(registration);
        }

        return builder;
    }

    /// <summary>Configures the settings of one provider id in code (applied over configuration).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="id">The provider id.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static INxtAIGenBuilder ConfigureProvider(this INxtAIGenBuilder builder, string id, Action<ChatProviderOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure<ChatProviderRegistryOptions>(o => configure(o.GetOrAdd(id)));
        return builder;
    }
}
