using System.Threading.RateLimiting;

namespace NxtAIGen.AspNetCore.RateLimiting;

/// <summary>
/// One partition of a <see cref="PartitionedRateLimiter{TResource}"/> seen as a plain <see cref="RateLimiter"/>, so that
/// ASP.NET Core's rate-limiting middleware and the gateway draw from the same buckets. Disposing the view leaves the
/// shared limiter alone.
/// </summary>
internal sealed class SharedPartitionLimiter : RateLimiter
{
    private readonly PartitionedRateLimiter<string> _shared;
    private readonly string _key;

    public SharedPartitionLimiter(PartitionedRateLimiter<string> shared, string key)
    {
        _shared = shared;
        _key = key;
    }

    // The shared limiter keeps its own partitions; the middleware may drop this view whenever it likes.
    public override TimeSpan? IdleDuration => TimeSpan.MaxValue;

    public override RateLimiterStatistics? GetStatistics() => _shared.GetStatistics(_key);

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => _shared.AttemptAcquire(_key, permitCount);

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        _shared.AcquireAsync(_key, permitCount, cancellationToken);
}
