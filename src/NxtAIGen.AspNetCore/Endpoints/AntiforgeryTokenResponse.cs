namespace NxtAIGen.AspNetCore.Endpoints;

/// <summary>The body of <c>GET {prefix}/antiforgery</c>.</summary>
internal sealed record AntiforgeryTokenResponse(string Token);
