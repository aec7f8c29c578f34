using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using NxtAIGen.AspNetCore.Callers;
using NxtAIGen.AspNetCore.Endpoints;

namespace NxtAIGen.AspNetCore.RateLimiting;

/// <summary>
/// The rate-limiter policy of <c>POST {prefix}/chat/stream</c> (<see cref="NxtAIGenRateLimitingOptions.PolicyName"/>):
/// per signed-in user, or per IP address for guests, a limit on simultaneous streams chained with a token bucket.
/// A refusal is 429 problem+json <c>rate_limited</c> with <c>Retry-After</c>.
/// </summary>
internal sealed class ChatStreamRateLimiterPolicy : IRateLimiterPolicy<string>
{
    private readonly IOptionsMonitor<NxtAIGenOptions> _options;

    public ChatStreamRateLimiterPolicy(IOptionsMonitor<NxtAIGenOptions> options) => _options = options;

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var o = _options.CurrentValue.RateLimiting;
        if (!o.Enabled)
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var key = ClaimsCallerResolver.UserId(httpContext.User) is { } id
            ? "user:" + id
            : "ip:" + (httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        var limits = (o.TokensPerPeriod, o.Period, o.BurstLimit, o.MaxConcurrentStreams);
        return RateLimitPartition.Get(key, _ => RateLimiter.CreateChained(
            // Concurrency first: its permit comes back when the bucket refuses, while a bucket token would not.
            new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = limits.MaxConcurrentStreams, QueueLimit = 0 }),
            new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = limits.BurstLimit,
                TokensPerPeriod = limits.TokensPerPeriod,
                ReplenishmentPeriod = limits.Period,
                QueueLimit = 0,
                AutoReplenishment = true,
            })));
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        // The bucket says when a token comes back; a full set of streams frees up when one ends, so ask for a second.
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) && wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds));
        await new ApiProblem(StatusCodes.Status429TooManyRequests, "rate_limited", "Too many requests at once; please wait a moment and try again.")
        {
            RetryAfter = retryAfter,
        }
        .With("retry_after", seconds)
        .ExecuteAsync(context.HttpContext).ConfigureAwait(false);
    }
}
