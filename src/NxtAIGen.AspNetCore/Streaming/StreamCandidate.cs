using NxtAIGen.Abstractions;

namespace NxtAIGen.AspNetCore.Streaming;

/// <summary>A provider to try for a generation, with the request it gets (its model may differ): the requested one, then each fallback.</summary>
/// <param name="Provider">The provider, with the caller's key.</param>
/// <param name="Request">The request for it.</param>
/// <param name="Model">The model it answers with: the request's, else the provider's default.</param>
internal sealed record StreamCandidate(IChatStreamProvider Provider, ChatRequest Request, string? Model);
