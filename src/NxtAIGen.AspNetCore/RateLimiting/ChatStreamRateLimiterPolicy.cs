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
/// A refusal is 429 problem+json <c>rate_limited</c> with <c>Retry-After</c>. The buckets live here, not in the
/// middleware, so the OpenAI-compatible gateway (which knows its caller only after reading the bearer token) draws
/// from the same ones through <see cref="Acquire"/>.
/// </summary>
internal sealed class ChatStreamRateLimiterPolicy : IRateLimiterPolicy<string>, IDisposable
{
    private readonly IOptionsMonitor<NxtAIGenOptions> _options;
    private readonly Lock _lock = new();
    private (NxtAIGenRateLimitingOptions Options, PartitionedRateLimiter<string> Limiter)? _shared;

    public ChatStreamRateLimiterPolicy(IOptionsMonitor<NxtAIGenOptions> options) => _options = options;

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = RejectAsync;

    /// <summary>The partition key of a signed-in user.</summary>
    public static string UserKey(string userId) => "user:" + userId;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var shared = Shared();
        if (shared is null)
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var key = ClaimsCallerResolver.UserId(httpContext.User) is { } id
            ? UserKey(id)
            : "ip:" + (httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        return RateLimitPartition.Get(key, k => new SharedPartitionLimiter(shared, k));
    }

    /// <summary>Takes one request (and one stream) from <paramref name="key"/>'s buckets; the lease is not acquired when refused.</summary>
    public RateLimitLease Acquire(string key) => Shared() is { } shared ? shared.AttemptAcquire(key) : new NoLease();

    public void Dispose()
    {
        lock (_lock)
        {
            _shared?.Limiter.Dispose();
            _shared = null;
        }
    }

    private PartitionedRateLimiter<string>? Shared()
    {
        var o = _options.CurrentValue.RateLimiting;
        if (!o.Enabled)
        {
            return null;
        }

        lock (_lock)
        {
            if (_shared is { } current && ReferenceEquals(current.Options, o))
            {
                return current.Limiter;
            }

            // New options (a configuration reload): new buckets. Leases of the old ones still release into them.
            var limits = (o.TokensPerPeriod, o.Period, o.BurstLimit, o.MaxConcurrentStreams);
            var limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.Get(key, _ => RateLimiter.CreateChained(
                // Concurrency first: its permit comes back when the bucket refuses, while a bucket token would not.
                new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = limits.MaxConcurrentStreams, QueueLimit = 0 }),
                new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limits.BurstLimit,
                    TokensPerPeriod = limits.TokensPerPeriod,
                    ReplenishmentPeriod = limits.Period,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }))));
            _shared = (o, limiter);
            return limiter;
        }
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        // The bucket says when a token comes back; a full set of streams frees up when one ends, so ask for a second.
        var retryAfter = RetryAfter(context.Lease);
        var seconds = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds));
        await new ApiProblem(StatusCodes.Status429TooManyRequests, "rate_limited", "Too many requests at once; please wait a moment and try again.")
        {
            RetryAfter = retryAfter,
        }
        .With("retry_after", seconds)
        .ExecuteAsync(context.HttpContext).ConfigureAwait(false);
    }

    /// <summary>When to try again after a refusal: the bucket's own estimate, or a second when streams are full.</summary>
    public static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) && wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1);

    private sealed class NoLease : RateLimitLease
    {
        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
