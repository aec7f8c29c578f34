using Microsoft.Extensions.Options;
using NxtAIGen.Abstractions;
using NxtAIGen.AspNetCore.Quotas;
using NxtAIGen.AspNetCore.RateLimiting;
using NxtAIGen.AspNetCore.Requests;
using NxtAIGen.AspNetCore.Streaming;

namespace NxtAIGen.AspNetCore.Gateway;

/// <summary>What the gateway's endpoints need, in one service so their signatures stay short.</summary>
internal sealed class GatewayEndpointServices(
    GatewayAuthenticator authenticator,
    IChatProviderRegistry registry,
    IOptionsMonitor<NxtAIGenOptions> options,
    AttachmentReader attachments,
    ChatStreamRunner runner,
    IProviderKeyResolver keys,
    IChatQuotaGate quota,
    ChatStreamRateLimiterPolicy rateLimiter,
    TimeProvider timeProvider,
    IProviderAvailability availability,
    FallbackResolver fallbacks)
{
    public GatewayAuthenticator Authenticator { get; } = authenticator;

    public IChatProviderRegistry Registry { get; } = registry;

    public IOptionsMonitor<NxtAIGenOptions> Options { get; } = options;

    public AttachmentReader Attachments { get; } = attachments;

    public ChatStreamRunner Runner { get; } = runner;

    public IProviderKeyResolver Keys { get; } = keys;

    public IChatQuotaGate Quota { get; } = quota;

    public ChatStreamRateLimiterPolicy RateLimiter { get; } = rateLimiter;

    public TimeProvider TimeProvider { get; } = timeProvider;

    public IProviderAvailability Availability { get; } = availability;

    public FallbackResolver Fallbacks { get; } = fallbacks;
}
