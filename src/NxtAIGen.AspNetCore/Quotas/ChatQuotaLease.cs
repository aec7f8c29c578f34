using System.Text.Json;
using NxtAIGen.AspNetCore.Streaming;

namespace NxtAIGen.AspNetCore.Quotas;

/// <summary>
/// One reserved message: committed when the stream ends with <c>done</c> (or, per the option, a cancellation after
/// content), released otherwise; records the request in the usage log and returns the quota members of <c>done</c>.
/// </summary>
internal sealed class ChatQuotaLease : IChatQuotaLease
{
    private readonly ChatQuotaGate _gate;
    private readonly ChatCaller _caller;
    private readonly ResolvedPlan? _plan;
    private readonly string? _ipHash;
    private readonly string _reservationId;
    private readonly string _providerId;
    private readonly DateTimeOffset _requestedAt;
    private readonly long _startedAt;
    private int _settled;

    public ChatQuotaLease(ChatQuotaGate gate, ChatCaller caller, ResolvedPlan? plan, string? ipHash, string reservationId, string providerId, DateTimeOffset requestedAt, long startedAt)
    {
        _gate = gate;
        _caller = caller;
        _plan = plan;
        _ipHash = ipHash;
        _reservationId = reservationId;
        _providerId = providerId;
        _requestedAt = requestedAt;
        _startedAt = startedAt;
    }

    public async ValueTask<Action<Utf8JsonWriter>?> SettleAsync(ChatStreamOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (Interlocked.Exchange(ref _settled, 1) != 0)
        {
            return null;
        }

        var options = _gate.Options;
        var chargeCanceled = _caller.IsUser ? options.Plans.ChargeCanceledAfterContent : options.Guest.ChargeCanceledAfterContent;
        var charge = outcome.ErrorCode is null
            && (outcome.End == ChatStreamEnd.Done || (outcome.End == ChatStreamEnd.ClientDisconnected && outcome.ProducedContent && chargeCanceled));
        try
        {
            if (charge)
            {
                await _gate.Store.CommitAsync(_reservationId, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await _gate.Store.ReleaseAsync(_reservationId, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            _gate.QuotaStoreFailed(ex);
        }

        await _gate.RecordAsync(new UsageRecord
        {
            Timestamp = _requestedAt,
            CallerKind = _caller.Kind,
            CallerId = _caller.Id,
            Plan = _plan?.Name,
            Provider = string.IsNullOrEmpty(outcome.Provider) ? _providerId : outcome.Provider,
            Model = outcome.Model,
            InputTokens = outcome.Usage?.InputTokens,
            OutputTokens = outcome.Usage?.OutputTokens,
            ReasoningTokens = outcome.Usage?.ReasoningTokens,
            TimeToFirstToken = outcome.TimeToFirstToken,
            Duration = _gate.TimeProvider.GetElapsedTime(_startedAt),
            Outcome = outcome.End switch
            {
                _ when outcome.ErrorCode is not null => outcome.ErrorCode,
                ChatStreamEnd.Done => "done",
                ChatStreamEnd.Error => "internal",
                _ => "canceled",
            },
            Charged = charge,
            IpHash = _ipHash,
        }).ConfigureAwait(false);

        if (outcome.End != ChatStreamEnd.Done)
        {
            return null;
        }

        IReadOnlyList<QuotaWindowUsage> usage;
        try
        {
            var now = _gate.TimeProvider.GetUtcNow();
            usage = await _gate.Store.GetUsageAsync(_gate.Windows(_caller, _plan, _ipHash, now), now, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _gate.QuotaStoreFailed(ex);
            return null;
        }

        return _caller.IsUser ? json => WriteRateLimits(json, usage) : json => WriteGuestUsage(json, Binding(usage));
    }

    public async ValueTask ReleaseAsync()
    {
        if (Interlocked.Exchange(ref _settled, 1) != 0)
        {
            return;
        }

        try
        {
            await _gate.Store.ReleaseAsync(_reservationId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _gate.QuotaStoreFailed(ex);
        }
    }

    /// <summary>The guest window that binds: the one with the fewest messages left (the guest's own on a tie).</summary>
    internal static QuotaWindowUsage Binding(IReadOnlyList<QuotaWindowUsage> windows)
    {
        var binding = windows[0];
        foreach (var window in windows)
        {
            if (!window.IsUnlimited && (binding.IsUnlimited || window.Remaining < binding.Remaining))
            {
                binding = window;
            }
        }

        return binding;
    }

    internal static void WriteGuestUsage(Utf8JsonWriter json, QuotaWindowUsage binding)
    {
        json.WriteNumber("usage_count"u8, binding.Used);
        json.WriteNumber("usage_limit"u8, binding.Limit);
        json.WriteNumber("remaining"u8, binding.Remaining);
        json.WriteString("reset_at"u8, binding.ResetAt);
    }

    internal static void WriteRateLimits(Utf8JsonWriter json, IReadOnlyList<QuotaWindowUsage> windows)
    {
        json.WriteStartObject("rate_limits"u8);
        foreach (var window in windows)
        {
            json.WriteStartObject(window.Name);
            json.WriteNumber("limit"u8, window.Limit);
            json.WriteNumber("used"u8, window.Used);
            json.WriteNumber("remaining"u8, window.Remaining);
            json.WriteString("reset_at"u8, window.ResetAt);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }
}
