using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NxtAIGen.Abstractions;
using NxtAIGen.AspNetCore;
using NxtAIGen.AspNetCore.Callers;
using NxtAIGen.AspNetCore.Documents;
using NxtAIGen.AspNetCore.Keys;
using NxtAIGen.AspNetCore.Quotas;
using NxtAIGen.AspNetCore.Requests;
using NxtAIGen.AspNetCore.Security;
using NxtAIGen.AspNetCore.Streaming;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers NxtAIGen's endpoints and the provider registry in an ASP.NET Core host.</summary>
public static class NxtAIGenAspNetCoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers NxtAIGen, binding the <c>NxtAIGen</c> configuration section (PROTOCOL.md's keys): providers,
    /// streaming and request limits. Options are validated at start-up. Add providers with the returned builder
    /// (<c>.AddOpenAI()</c>, <c>.AddDemo()</c>, ...), then map the endpoints with <c>app.MapNxtAIGen("/api")</c>.
    /// </summary>
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
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NxtAIGenOptions>, NxtAIGenOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDocumentTextExtractor, PlainTextExtractor>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDocumentTextExtractor, PdfTextExtractor>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDocumentTextExtractor, DocxTextExtractor>());
        services.AddMemoryCache();
        services.AddNxtAIGenKeyVault(sectionName);
        services.TryAddSingleton<AttachmentReader>();
        services.TryAddSingleton<StreamRetryPolicy>();
        services.TryAddSingleton<ChatStreamRunner>();
        services.TryAddSingleton<ICallerResolver, ClaimsCallerResolver>();
        services.TryAddSingleton<IProviderKeyResolver, ConfiguredKeyResolver>();
        services.TryAddSingleton<IChatQuotaGate, UnlimitedQuotaGate>();
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
