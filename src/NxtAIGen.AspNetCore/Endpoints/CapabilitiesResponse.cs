using NxtAIGen.Abstractions;

namespace NxtAIGen.AspNetCore.Endpoints;

/// <summary>The <c>capabilities</c> object of providers and models.</summary>
internal sealed record CapabilitiesResponse(bool Vision, bool Documents, bool Reasoning, bool Tools)
{
    public static CapabilitiesResponse From(ChatCapabilities c) => new(
        c.HasFlag(ChatCapabilities.Vision),
        c.HasFlag(ChatCapabilities.Documents),
        c.HasFlag(ChatCapabilities.Reasoning),
        c.HasFlag(ChatCapabilities.Tools));
}
