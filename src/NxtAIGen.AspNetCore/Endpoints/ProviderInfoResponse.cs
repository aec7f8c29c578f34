namespace NxtAIGen.AspNetCore.Endpoints;

/// <summary>One item of <c>GET {prefix}/providers</c>.</summary>
internal sealed record ProviderInfoResponse(
    string Id,
    string Name,
    bool Enabled,
    bool Configured,
    string? DefaultModel,
    CapabilitiesResponse Capabilities);
