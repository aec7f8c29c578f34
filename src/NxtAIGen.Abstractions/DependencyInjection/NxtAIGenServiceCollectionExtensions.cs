using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NxtAIGen.Abstractions;
using NxtAIGen.Abstractions.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the NxtAIGen provider registry.</summary>
public static class NxtAIGenServiceCollectionExtensions
{
    /// <summary>
    /// Registers the provider registry (<see cref="IChatProviderRegistry"/>) and its start-up validation, without any
    /// configuration binding or HTTP endpoints: for console apps and workers. ASP.NET Core hosts use
    /// <c>AddNxtAIGen()</c> from NxtAIGen.AspNetCore, which calls this.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets providers in code.</param>
    /// <returns>A builder to add providers to.</returns>
    public static INxtAIGenBuilder AddNxtAIGenCore(this IServiceCollection services, Action<ChatProviderRegistryOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ChatProviderRegistryOptions>().ValidateOnStart();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ChatProviderRegistryOptions>, ChatProviderRegistryOptionsValidator>());
        services.AddOptions<NxtAIGenTelemetryOptions>();
        services.TryAddSingleton(static sp => new GenAITelemetry(
            sp.GetService<IMeterFactory>(),
            sp.GetService<IOptionsMonitor<NxtAIGenTelemetryOptions>>(),
            sp.GetService<ILoggerFactory>(),
            sp.GetService<TimeProvider>()));
        services.TryAddSingleton<IChatProviderRegistry, ChatProviderRegistry>();
        services.TryAddSingleton(TimeProvider.System);
        return new NxtAIGenBuilder(services);
    }
}
