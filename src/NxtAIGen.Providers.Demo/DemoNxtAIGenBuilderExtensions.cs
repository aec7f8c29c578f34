using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NxtAIGen.Abstractions;
using NxtAIGen.Providers.Demo;
using NxtAIGen.Providers.Demo.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the offline <c>demo</c> provider to NxtAIGen.</summary>
public static class DemoNxtAIGenBuilderExtensions
{
    /// <summary>
    /// Adds the built-in provider <c>demo</c>: it needs no key and no network, and streams a deterministic answer
    /// (with reasoning when asked) paced word by word, so an app works on a fresh machine. Its models are
    /// <c>demo-1</c> (the default) and <c>demo-1-fast</c> (no pauses).
    /// </summary>
    /// <param name="builder">The builder from <c>AddNxtAIGen()</c> or <c>AddNxtAIGenCore()</c>.</param>
    /// <param name="configure">Sets the pacing; validated at start-up.</param>
    /// <returns>The builder.</returns>
    public static INxtAIGenBuilder AddDemo(this INxtAIGenBuilder builder, Action<DemoProviderOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptionsWithValidateOnStart<DemoProviderOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DemoProviderOptions>, DemoProviderOptionsValidator>());
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder.AddProviderType(new ChatProviderRegistration
        {
            Type = DemoModels.ProviderType,
            Name = DemoModels.ProviderName,
            Capabilities = DemoModels.Capabilities,
            DefaultModel = DemoModels.Default,
            RequiresApiKey = false,
            RequiresBaseUrl = false,
            IsBuiltIn = true,
            Create = static (services, settings) => new DemoChatStreamProvider(
                settings,
                services.GetRequiredService<IOptionsMonitor<DemoProviderOptions>>(),
                services.GetService<TimeProvider>() ?? TimeProvider.System),
        });
    }
}
