using System.Text.Json;
using NxtAIGen.AspNetCore.Streaming;

namespace NxtAIGen.AspNetCore.Quotas;

/// <summary>One reserved message of a caller's quota.</summary>
internal interface IChatQuotaLease
{
    /// <summary>Settles the reservation from how the stream ended; returns the quota members to add to <c>done</c>, if any.</summary>
    ValueTask<Action<Utf8JsonWriter>?> SettleAsync(ChatStreamOutcome outcome, CancellationToken cancellationToken);

    /// <summary>Releases the reservation of a request that never started (refused by an observer); records nothing.</summary>
    ValueTask ReleaseAsync();
}
