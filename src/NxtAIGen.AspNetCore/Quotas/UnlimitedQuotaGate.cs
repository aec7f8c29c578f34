using System.Text.Json;
using Microsoft.AspNetCore.Http;
using NxtAIGen.AspNetCore.Endpoints;
using NxtAIGen.AspNetCore.Streaming;

namespace NxtAIGen.AspNetCore.Quotas;

/// <summary>No quota: every request may stream.</summary>
internal sealed class UnlimitedQuotaGate : IChatQuotaGate, IChatQuotaLease
{
    public ValueTask<(IChatQuotaLease? Lease, ApiProblem? Refusal)> EnterAsync(HttpContext context, ChatCaller caller, CancellationToken cancellationToken) =>
        ValueTask.FromResult<(IChatQuotaLease?, ApiProblem?)>((this, null));

    public ValueTask<Action<Utf8JsonWriter>?> SettleAsync(ChatStreamOutcome outcome, CancellationToken cancellationToken) =>
        ValueTask.FromResult<Action<Utf8JsonWriter>?>(null);
}
