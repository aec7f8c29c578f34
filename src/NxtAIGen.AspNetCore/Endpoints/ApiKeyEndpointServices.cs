using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NxtAIGen.Abstractions;
using NxtAIGen.AspNetCore.Security;

namespace NxtAIGen.AspNetCore.Endpoints;

/// <summary>What the key endpoints need, injected as one service.</summary>
internal sealed class ApiKeyEndpointServices(
    IApiKeyStore store,
    ApiKeyProtector protector,
    IChatProviderRegistry registry,
    ICallerResolver callers,
    UserBaseUrlPolicy baseUrls,
    IAuthorizationPolicyProvider policies,
    IAuthorizationService authorization,
    IOptionsMonitor<NxtAIGenSecurityOptions> options,
    TimeProvider timeProvider,
    ILogger<ApiKeyEndpointServices> logger)
{
    public IApiKeyStore Store { get; } = store;

    public ApiKeyProtector Protector { get; } = protector;

    public IChatProviderRegistry Registry { get; } = registry;

    public ICallerResolver Callers { get; } = callers;

    public UserBaseUrlPolicy BaseUrls { get; } = baseUrls;

    public IAuthorizationPolicyProvider Policies { get; } = policies;

    public IAuthorizationService Authorization { get; } = authorization;

    public NxtAIGenSecurityOptions Options => options.CurrentValue;

    public TimeProvider TimeProvider { get; } = timeProvider;

    public ILogger Logger { get; } = logger;
}
