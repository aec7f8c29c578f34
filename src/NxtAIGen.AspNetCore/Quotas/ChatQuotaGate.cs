using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NxtAIGen.AspNetCore.Endpoints;
using NxtAIGen.AspNetCore.Streaming;
using NxtAIGen.AspNetCore.Usage;

namespace NxtAIGen.AspNetCore.Quotas;

/// <summary>
/// The quota of guests (a rolling window per guest cookie, plus a per-IP ceiling) and of signed-in users (their plan's
/// sliding hour, day and month in the configured time zone), counted in <see cref="IQuotaStore"/> by one atomic
/// reservation per request. Also writes the usage log.
/// </summary>
internal sealed partial class ChatQuotaGate : IChatQuotaGate
{
    private readonly IQuotaStore _store;
    private readonly IUserPlanStore _plans;
    private readonly IUsageLog _usageLog;
    private readonly IpAddressHasher _ipHasher;
    private readonly IOptionsMonitor<NxtAIGenOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ChatQuotaGate> _logger;

    public ChatQuotaGate(
        IQuotaStore store,
        IUserPlanStore plans,
        IUsageLog usageLog,
        IpAddressHasher ipHasher,
        IOptionsMonitor<NxtAIGenOptions> options,
        TimeProvider timeProvider,
        ILogger<ChatQuotaGate> logger)
    {
        _store = store;
        _plans = plans;
        _usageLog = usageLog;
        _ipHasher = ipHasher;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    internal IQuotaStore Store => _store;

    internal TimeProvider TimeProvider => _timeProvider;

    internal NxtAIGenOptions Options => _options.CurrentValue;

    public async ValueTask<(IChatQuotaLease? Lease, ApiProblem? Refusal)> EnterAsync(HttpContext context, ChatCaller caller, string providerId, string? model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(caller);
        var startedAt = _timeProvider.GetTimestamp();
        var now = _timeProvider.GetUtcNow();
        var plan = caller.IsUser ? await ResolvePlanAsync(context.User, caller.Id, cancellationToken).ConfigureAwait(false) : null;
        var ipHash = _ipHasher.Hash(caller.IpAddress);
        var reservation = await _store.TryReserveAsync(Windows(caller, plan, ipHash, now), now, cancellationToken).ConfigureAwait(false);
        if (!reservation.Granted)
        {
            var exceeded = reservation.Exceeded ?? reservation.Windows[0];
            var refusal = Refuse(caller, exceeded, now);
            await RecordAsync(new UsageRecord
            {
                Timestamp = now,
                CallerKind = caller.Kind,
                CallerId = caller.Id,
                Plan = plan?.Name,
                Provider = providerId,
                Model = model,
                Outcome = refusal.Code,
                IpHash = ipHash,
            }).ConfigureAwait(false);
            return (null, refusal);
        }

        return (new ChatQuotaLease(this, caller, plan, ipHash, reservation.Id!, providerId, now, startedAt), null);
    }

    public async ValueTask<QuotaStatus> GetStatusAsync(HttpContext context, ChatCaller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(caller);
        var now = _timeProvider.GetUtcNow();
        var plan = caller.IsUser ? await ResolvePlanAsync(context.User, caller.Id, cancellationToken).ConfigureAwait(false) : null;
        var usage = await _store.GetUsageAsync(Windows(caller, plan, _ipHasher.Hash(caller.IpAddress), now), now, cancellationToken).ConfigureAwait(false);
        return new QuotaStatus(caller.Kind, plan?.Name, usage);
    }

    /// <summary>The user's plan: an admin override, else the plan claim, else the default plan.</summary>
    internal async ValueTask<ResolvedPlan> ResolvePlanAsync(ClaimsPrincipal user, string userId, CancellationToken cancellationToken)
    {
        var options = _options.CurrentValue.Plans;
        var custom = await _plans.GetAsync(userId, cancellationToken).ConfigureAwait(false);
        if (custom?.Limits is { } limits)
        {
            return new ResolvedPlan(string.IsNullOrWhiteSpace(custom.Plan) ? "custom" : custom.Plan, limits);
        }

        if (custom?.Plan is { } named && options.Definitions.TryGetValue(named, out var overridden))
        {
            return new ResolvedPlan(named.ToLowerInvariant(), overridden);
        }

        if (user.FindFirstValue(options.PlanClaimType) is { Length: > 0 } claimed && options.Definitions.TryGetValue(claimed, out var fromClaim))
        {
            return new ResolvedPlan(claimed.ToLowerInvariant(), fromClaim);
        }

        return new ResolvedPlan(options.DefaultPlan.ToLowerInvariant(), options.Definitions[options.DefaultPlan]);
    }

    /// <summary>The windows a request of this caller counts in, at <paramref name="now"/>.</summary>
    internal QuotaWindow[] Windows(ChatCaller caller, ResolvedPlan? plan, string? ipHash, DateTimeOffset now)
    {
        var options = _options.CurrentValue;
        if (plan is null)
        {
            var guest = options.Guest;
            var window = new QuotaWindow("guest", "guest:" + caller.Id, guest.Limit, now - guest.Window, now, Rolling: true);
            return guest.PerIpLimit > 0 && ipHash is not null
                ? [window, new QuotaWindow("ip", "guest-ip:" + ipHash, guest.PerIpLimit, now - guest.Window, now, Rolling: true)]
                : [window];
        }

        NxtAIGenQuotaOptionsValidator.TryFindTimeZone(options.Plans.TimeZone, out var zone);
        var (dayStart, dayEnd) = QuotaCalendar.Day(now, zone);
        var (monthStart, monthEnd) = QuotaCalendar.Month(now, zone);
        var key = "user:" + caller.Id;
        return
        [
            new QuotaWindow("hourly", key + ":hourly", plan.Limits.Hourly, now - TimeSpan.FromHours(1), now, Rolling: true),
            new QuotaWindow("daily", key + ":daily", plan.Limits.Daily, dayStart, dayEnd, Rolling: false),
            new QuotaWindow("monthly", key + ":monthly", plan.Limits.Monthly, monthStart, monthEnd, Rolling: false),
        ];
    }

    /// <summary>Hands a record to the usage log and the debug log; a failing log never fails the request.</summary>
    internal async ValueTask RecordAsync(UsageRecord record)
    {
        Log.Usage(
            _logger,
            record.CallerKind,
            record.CallerId,
            record.Provider,
            record.Model,
            record.Outcome,
            record.Charged,
            record.InputTokens,
            record.OutputTokens,
            record.ReasoningTokens,
            (long?)record.TimeToFirstToken?.TotalMilliseconds,
            (long)record.Duration.TotalMilliseconds);
        try
        {
            await _usageLog.RecordAsync(record, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Log.UsageLogFailed(_logger, ex);
        }
    }

    internal void QuotaStoreFailed(Exception exception) => Log.QuotaStoreFailed(_logger, exception);

    private static ApiProblem Refuse(ChatCaller caller, QuotaWindowUsage exceeded, DateTimeOffset now)
    {
        var retryAfter = exceeded.ResetAt - now;
        if (!caller.IsUser)
        {
            return new ApiProblem(
                StatusCodes.Status429TooManyRequests,
                "guest_limit",
                $"You have used all {exceeded.Limit} free messages for now. Sign in, or try again later.")
            {
                RetryAfter = retryAfter,
            }
            .With("limit_reached", true)
            .With("usage_count", exceeded.Used)
            .With("usage_limit", exceeded.Limit)
            .With("remaining", 0)
            .With("reset_at", exceeded.ResetAt);
        }

        return new ApiProblem(
            StatusCodes.Status429TooManyRequests,
            "rate_limited",
            $"You have reached your {exceeded.Name} limit of {exceeded.Limit} messages. Try again later.")
        {
            RetryAfter = retryAfter,
        }
        .With("limit_reached", true)
        .With("window", exceeded.Name)
        .With("usage_count", exceeded.Used)
        .With("usage_limit", exceeded.Limit)
        .With("remaining", 0)
        .With("reset_at", exceeded.ResetAt);
    }

    private static partial class Log
    {
        [LoggerMessage(20, LogLevel.Debug, "Usage: {CallerKind} {CallerId}, {Provider}/{Model}: {Outcome}, charged {Charged}; tokens in {InputTokens}, out {OutputTokens}, reasoning {ReasoningTokens}; first token {TtftMs} ms, {DurationMs} ms.")]
        public static partial void Usage(
            ILogger logger,
            ChatCallerKind callerKind,
            string callerId,
            string provider,
            string? model,
            string outcome,
            bool charged,
            int? inputTokens,
            int? outputTokens,
            int? reasoningTokens,
            long? ttftMs,
            long durationMs);

        [LoggerMessage(21, LogLevel.Error, "The usage log failed to record a request.")]
        public static partial void UsageLogFailed(ILogger logger, Exception exception);

        [LoggerMessage(22, LogLevel.Error, "The quota store failed to settle a reservation.")]
        public static partial void QuotaStoreFailed(ILogger logger, Exception exception);
    }
}
