using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NxtAIGen.Abstractions;
using NxtAIGen.AspNetCore;
using NxtAIGen.AspNetCore.Availability;
using NxtAIGen.AspNetCore.Callers;
using NxtAIGen.AspNetCore.Documents;
using NxtAIGen.AspNetCore.Endpoints;
using NxtAIGen.AspNetCore.Gateway;
using NxtAIGen.AspNetCore.Keys;
using NxtAIGen.AspNetCore.Quotas;
using NxtAIGen.AspNetCore.RateLimiting;
using NxtAIGen.AspNetCore.Requests;
using NxtAIGen.AspNetCore.Security;
using NxtAIGen.AspNetCore.Resume;
using NxtAIGen.AspNetCore.Streaming;
using NxtAIGen.AspNetCore.Usage;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers NxtAIGen's endpoints and the provider registry in an ASP.NET Core host.</summary>
public static class NxtAIGenAspNetCoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers NxtAIGen, binding the <c>NxtAIGen</c> configuration section (PROTOCOL.md's keys): providers,
    /// streaming and request limits, guest quotas, plans, rate limiting and the usage log. Options are validated at
    /// start-up. Add providers with the returned builder (<c>.AddOpenAI()</c>, <c>.AddDemo()</c>, ...), then map the
    /// endpoints with <c>app.MapNxtAIGen("/api")</c> after <c>app.UseRateLimiter()</c>.
    /// </summary>
    /// <remarks>
    /// Also registers ASP.NET Core Data Protection (the guest cookie is protected with it; hosts with several instances
    /// must share its key ring), the rate limiter with the policy <see cref="NxtAIGenRateLimitingOptions.PolicyName"/>,
    /// in-memory defaults of <see cref="IQuotaStore"/>, <see cref="IUserPlanStore"/>, <see cref="IUsageLog"/> and
    /// <see cref="IGatewayTokenStore"/>, and an <see cref="IProviderAvailability"/> that allows everything (register your own
    /// before or after this call to replace them). <see cref="IChatStreamObserver"/>s registered by the host see every chat
    /// request start and end.
    /// </remarks>
    /// <param name="services">The services.</param>
    /// <param name="sectionName">The configuration section to bind. Default <c>NxtAIGen</c>.</param>
    /// <returns>A builder to add providers to.</returns>
    public static INxtAIGenBuilder AddNxtAIGen(this IServiceCollection services, string sectionName = "NxtAIGen")
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(sectionName);
        var builder = services.AddNxtAIGenCore();
        services.AddOptions<ChatProviderRegistryOptions>().BindConfiguration(sectionName);
        services.AddOptions<NxtAIGenOptions>().BindConfiguration(sectionName).ValidateOnStart();
        services.AddOptions<NxtAIGenTelemetryOptions>().BindConfiguration(sectionName + ":Telemetry");
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NxtAIGenOptions>, NxtAIGenOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NxtAIGenOptions>, NxtAIGenQuotaOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDocumentTextExtractor, PlainTextExtractor>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDocumentTextExtractor, PdfTextExtractor>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDocumentTextExtractor, DocxTextExtractor>());
        services.AddMemoryCache();
        services.TryAddSingleton<ModelListCache>();
        services.AddNxtAIGenKeyVault(sectionName);
        services.TryAddSingleton<AttachmentReader>();
        services.TryAddSingleton<StreamRetryPolicy>();
        services.TryAddSingleton<FallbackResolver>();
        services.TryAddSingleton<ChatStreamRunner>();
        services.TryAddSingleton<IResumableStreamStore, InMemoryResumableStreamStore>();
        services.TryAddSingleton<ResumableStreams>();
        services.TryAddSingleton<ICallerResolver, ClaimsCallerResolver>();
        services.AddDataProtection();
        services.TryAddSingleton<GuestIdentity>();
        services.TryAddSingleton<IpAddressHasher>();
        services.TryAddSingleton<IQuotaStore, InMemoryQuotaStore>();
        services.TryAddSingleton<IUserPlanStore, InMemoryUserPlanStore>();
        services.TryAddSingleton<IUsageLog, InMemoryUsageLog>();
        services.TryAddSingleton<IChatQuotaGate, ChatQuotaGate>();
        services.TryAddSingleton<IProviderAvailability, AllProvidersAvailable>();
        services.TryAddSingleton<IGatewayTokenStore, InMemoryGatewayTokenStore>();
        services.TryAddSingleton<GatewayAuthenticator>();
        services.TryAddSingleton<GatewayEndpointServices>();
        if (!services.Any(d => d.ServiceType == typeof(ChatStreamRateLimiterPolicy)))
        {
            services.AddSingleton<ChatStreamRateLimiterPolicy>();
            services.AddRateLimiter(_ => { });
            services.AddOptions<RateLimiterOptions>()
                .Configure<ChatStreamRateLimiterPolicy>((o, policy) => o.AddPolicy(NxtAIGenRateLimitingOptions.PolicyName, policy));
        }

        return builder;
    }

    /// <summary>Configures NxtAIGen's endpoint options in code (applied over configuration).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static INxtAIGenBuilder Configure(this INxtAIGenBuilder builder, Action<NxtAIGenOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure(configure);
        return builder;
    }
}
