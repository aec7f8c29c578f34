using System.Globalization;
using Microsoft.Extensions.Options;
using NxtAIGen.AspNetCore;
using NxtAIGen.Storage.Redis.Internal;
using StackExchange.Redis;

namespace NxtAIGen.Storage.Redis;

/// <summary>
/// An <see cref="IQuotaStore"/> in Redis, shared by every instance: each reservation, commit and release is one Lua
/// script, so it is atomic across instances. Counters expire when none of their windows can count them any more;
/// pending reservations older than <see cref="NxtAIGenRedisOptions.PendingReservationTimeout"/> stop counting.
/// Failures to reach Redis surface as <see cref="NxtAIGenStoreUnavailableException"/>.
/// </summary>
internal sealed class RedisQuotaStore : IQuotaStore
{
    // Counters outlive their last window by a minute, so clock skew between instances and Redis never drops a use early.
    private static readonly TimeSpan ExpirySlack = TimeSpan.FromMinutes(1);

    private readonly RedisConnection _connection;
    private readonly IOptionsMonitor<NxtAIGenRedisOptions> _options;

    public RedisQuotaStore(RedisConnection connection, IOptionsMonitor<NxtAIGenRedisOptions> options)
    {
        _connection = connection;
        _options = options;
    }

    /// <inheritdoc />
    public ValueTask<QuotaReservation> TryReserveAsync(IReadOnlyList<QuotaWindow> windows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(windows);
        return ReserveAsync(windows, now, reserve: true, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask CommitAsync(string reservationId, CancellationToken cancellationToken) => SettleAsync(reservationId, commit: true, cancellationToken);

    /// <inheritdoc />
    public ValueTask ReleaseAsync(string reservationId, CancellationToken cancellationToken) => SettleAsync(reservationId, commit: false, cancellationToken);

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<QuotaWindowUsage>> GetUsageAsync(IReadOnlyList<QuotaWindow> windows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(windows);
        return (await ReserveAsync(windows, now, reserve: false, cancellationToken).ConfigureAwait(false)).Windows;
    }

    private async ValueTask<QuotaReservation> ReserveAsync(IReadOnlyList<QuotaWindow> windows, DateTimeOffset now, bool reserve, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var id = Guid.NewGuid().ToString("N");
        var counters = windows.Select(w => w.Key).Distinct(StringComparer.Ordinal).ToList();
        var keys = new RedisKey[counters.Count + 1];
        var values = new List<RedisValue>(6 + counters.Count + 1 + windows.Count * 4)
        {
            reserve ? "reserve" : "usage",
            id,
            Micros(now),
            Micros(now - _options.CurrentValue.PendingReservationTimeout),
        };

        long recordTtl = 1;
        var ttls = new long[counters.Count];
        for (var i = 0; i < counters.Count; i++)
        {
            keys[i] = CounterKey(counters[i]);
            // A use made now counts until a fixed window ends, or one length after now in a rolling one.
            var lifetime = windows.Where(w => w.Key == counters[i]).Max(w => w.Rolling ? w.Length : w.End - now);
            ttls[i] = (long)Math.Ceiling((Max(lifetime, TimeSpan.Zero) + ExpirySlack).TotalMilliseconds);
            recordTtl = Math.Max(recordTtl, ttls[i]);
        }

        keys[^1] = RecordKey(id);
        values.Add(recordTtl);
        values.AddRange(ttls.Select(t => (RedisValue)t));
        values.Add(windows.Count);
        foreach (var window in windows)
        {
            values.Add(counters.IndexOf(window.Key) + 1);
            values.Add(window.Limit < 0 ? -1 : window.Limit);
            values.Add(Micros(window.Start));
            values.Add(window.Rolling ? "1" : "0");
        }

        var result = (RedisResult[])(await EvaluateAsync(QuotaScripts.ReserveText, keys, [.. values]).ConfigureAwait(false))!;
        var granted = (long)result[0] == 1;
        var states = new List<QuotaWindowUsage>(windows.Count);
        for (var i = 0; i < windows.Count; i++)
        {
            var window = windows[i];
            var used = (long)result[1 + (i * 2)];
            var oldestMicros = (long)result[2 + (i * 2)];
            DateTimeOffset? oldest = oldestMicros < 0 ? null : DateTimeOffset.UnixEpoch.AddTicks(oldestMicros * 10);
            var resetAt = window.Rolling ? (oldest ?? window.End) + window.Length : window.End;
            var remaining = window.Limit < 0 ? -1 : Math.Max(0, window.Limit - used);
            states.Add(new QuotaWindowUsage(window.Name, window.Limit < 0 ? -1 : window.Limit, used, remaining, resetAt));
        }

        if (!reserve || granted)
        {
            return new QuotaReservation { Granted = granted, Id = granted ? id : null, Windows = states };
        }

        return new QuotaReservation { Granted = false, Windows = states, Exceeded = states.First(s => !s.IsUnlimited && s.Remaining <= 0) };
    }

    private async ValueTask SettleAsync(string reservationId, bool commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reservationId);
        cancellationToken.ThrowIfCancellationRequested();
        // Ids are 32 hex digits (Guid "N"); anything else was never issued here.
        if (reservationId.Length != 32 || !reservationId.All(char.IsAsciiHexDigitLower))
        {
            return;
        }

        await EvaluateAsync(QuotaScripts.SettleText, [RecordKey(reservationId)], [reservationId, commit ? "commit" : "release"]).ConfigureAwait(false);
    }

    private Task<RedisResult> EvaluateAsync(string script, RedisKey[] keys, RedisValue[] values) =>
        _connection.RunAsync(db => db.ScriptEvaluateAsync(script, keys, values));

    private RedisKey CounterKey(string key) => _connection.Key("{quota}:" + key);

    private RedisKey RecordKey(string id) => _connection.Key("{quota}:res:" + id);

    private static string Micros(DateTimeOffset at) => ((at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10).ToString(CultureInfo.InvariantCulture);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
