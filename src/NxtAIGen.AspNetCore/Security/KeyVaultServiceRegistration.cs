using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NxtAIGen.AspNetCore.Endpoints;
using NxtAIGen.AspNetCore.Keys;

namespace NxtAIGen.AspNetCore.Security;

/// <summary>Registers the key vault, antiforgery and base URL checks (called by <c>AddNxtAIGen</c>).</summary>
internal static class KeyVaultServiceRegistration
{
    /// <summary>The header that carries the antiforgery token.</summary>
    public const string AntiforgeryHeaderName = "X-CSRF-TOKEN";

    public static IServiceCollection AddNxtAIGenKeyVault(this IServiceCollection services, string sectionName)
    {
        services.AddOptions<NxtAIGenSecurityOptions>().BindConfiguration(sectionName + ":Security").ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NxtAIGenSecurityOptions>, NxtAIGenSecurityOptionsValidator>());
        services.AddDataProtection();
        services.AddAntiforgery(options => options.HeaderName = AntiforgeryHeaderName);
        services.AddAuthorization();
        services.TryAddSingleton<IApiKeyStore, InMemoryApiKeyStore>();
        services.TryAddSingleton<ApiKeyProtector>();
        services.TryAddSingleton<PhpKeyImporter>();
        services.TryAddSingleton<IHostNameResolver, DnsHostNameResolver>();
        services.TryAddSingleton<UserBaseUrlPolicy>();
        services.TryAddSingleton<ApiKeyEndpointServices>();
        services.TryAddSingleton<IProviderKeyResolver, StoredKeyResolver>();
        return services;
    }
}
