using Microsoft.AspNetCore.Http;

namespace NxtAIGen.AspNetCore.Quotas;

/// <summary>
/// Reserves one message of the caller's quota before the upstream call (atomically with the check), and settles
/// the reservation when the stream ends: committed on <c>done</c>, released otherwise.
/// </summary>
internal interface IChatQuotaGate
{
    /// <summary>Reserves, or refuses with the problem to send (429 <c>guest_limit</c> or <c>rate_limited</c>).</summary>
    ValueTask<(IChatQuotaLease? Lease, Endpoints.ApiProblem? Refusal)> EnterAsync(HttpContext context, ChatCaller caller, string providerId, string? model, CancellationToken cancellationToken);

    /// <summary>Reads the caller's quota without reserving (<c>GET {prefix}/limits</c>).</summary>
    ValueTask<QuotaStatus> GetStatusAsync(HttpContext context, ChatCaller caller, CancellationToken cancellationToken);
}
