using System.Globalization;

namespace NxtAIGen.AspNetCore;

/// <summary>
/// The default <see cref="IQuotaStore"/>: counters in this process's memory, behind one lock, so a reservation over
/// several counters is atomic. Right for one instance; several instances need a shared store.
/// </summary>
public sealed class InMemoryQuotaStore : IQuotaStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<Use>> _uses = new(StringComparer.Ordinal);
    private readonly Dictionary<long, string[]> _pending = [];
    private long _lastId;
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    /// <inheritdoc />
    public ValueTask<QuotaReservation> TryReserveAsync(IReadOnlyList<QuotaWindow> windows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(windows);
        lock (_lock)
        {
            var states = Measure(windows);
            var exceeded = states.FirstOrDefault(s => !s.IsUnlimited && s.Remaining <= 0);
            if (exceeded is not null)
            {
                return ValueTask.FromResult(new QuotaReservation { Granted = false, Windows = states, Exceeded = exceeded });
            }

            SweepExpired(now);
            var id = ++_lastId;
            var keys = new string[windows.Count];
            for (var i = 0; i < windows.Count; i++)
            {
                keys[i] = windows[i].Key;
                if (!_uses.TryGetValue(keys[i], out var list))
                {
                    _uses[keys[i]] = list = [];
                }

                list.Add(new Use(now, id, windows[i].Rolling ? now + windows[i].Length : windows[i].End));
            }

            _pending[id] = keys;
            return ValueTask.FromResult(new QuotaReservation
            {
                Granted = true,
                Id = id.ToString(CultureInfo.InvariantCulture),
                Windows = Measure(windows),
            });
        }
    }

    /// <inheritdoc />
    public ValueTask CommitAsync(string reservationId, CancellationToken cancellationToken)
    {
        Settle(reservationId, commit: true);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask ReleaseAsync(string reservationId, CancellationToken cancellationToken)
    {
        Settle(reservationId, commit: false);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<QuotaWindowUsage>> GetUsageAsync(IReadOnlyList<QuotaWindow> windows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(windows);
        lock (_lock)
        {
            return ValueTask.FromResult<IReadOnlyList<QuotaWindowUsage>>(Measure(windows));
        }
    }

    private void Settle(string reservationId, bool commit)
    {
        ArgumentNullException.ThrowIfNull(reservationId);
        if (!long.TryParse(reservationId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return;
        }

        lock (_lock)
        {
            if (!_pending.Remove(id, out var keys))
            {
                return;
            }

            foreach (var key in keys)
            {
                if (!_uses.TryGetValue(key, out var list))
                {
                    continue;
                }

                var index = list.FindIndex(u => u.PendingId == id);
                if (index < 0)
                {
                    continue;
                }

                if (commit)
                {
                    list[index] = list[index] with { PendingId = 0 };
                }
                else
                {
                    list.RemoveAt(index);
                    if (list.Count == 0)
                    {
                        _uses.Remove(key);
                    }
                }
            }
        }
    }

    private List<QuotaWindowUsage> Measure(IReadOnlyList<QuotaWindow> windows)
    {
        var states = new List<QuotaWindowUsage>(windows.Count);
        foreach (var window in windows)
        {
            long used = 0;
            DateTimeOffset? oldest = null;
            if (_uses.TryGetValue(window.Key, out var list))
            {
                // Committed uses before the window's start can never count again in this key's windows: forget them.
                list.RemoveAll(u => u.PendingId == 0 && !Counts(window, u.At));
                foreach (var use in list)
                {
                    if (Counts(window, use.At))
                    {
                        used++;
                        oldest = oldest is null || use.At < oldest ? use.At : oldest;
                    }
                }

                if (list.Count == 0)
                {
                    _uses.Remove(window.Key);
                }
            }

            var resetAt = window.Rolling ? (oldest ?? window.End) + window.Length : window.End;
            var remaining = window.Limit < 0 ? -1 : Math.Max(0, window.Limit - used);
            states.Add(new QuotaWindowUsage(window.Name, window.Limit < 0 ? -1 : window.Limit, used, remaining, resetAt));
        }

        return states;
    }

    /// <summary>Keys currently held (for tests: keys of callers who never come back must not pile up).</summary>
    internal int KeyCount
    {
        get
        {
            lock (_lock)
            {
                return _uses.Count;
            }
        }
    }

    // Measure forgets old uses only of the keys it is asked about, so a caller seen once (a guest who never returns)
    // would stay forever: at most once a minute, drop every committed use that can no longer count in its window.
    private void SweepExpired(DateTimeOffset now)
    {
        if (now < _nextSweep)
        {
            return;
        }

        _nextSweep = now + SweepInterval;
        List<string>? empty = null;
        foreach (var (key, list) in _uses)
        {
            list.RemoveAll(u => u.PendingId == 0 && u.ExpiresAt <= now);
            if (list.Count == 0)
            {
                (empty ??= []).Add(key);
            }
        }

        foreach (var key in empty ?? [])
        {
            _uses.Remove(key);
        }

        // A burst of one-time guests leaves the dictionary's arrays at their peak size (found by the soak: 14 MiB after
        // half a million guests in a minute): give the memory back once most of its entries are gone.
        if (empty is not null && _uses.Count < _uses.EnsureCapacity(0) / 4)
        {
            _uses.TrimExcess();
        }
    }

    // A rolling window drops a use exactly one length after it was made; a fixed window counts from its start on.
    private static bool Counts(QuotaWindow window, DateTimeOffset at) => window.Rolling ? at > window.Start : at >= window.Start;

    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    // ExpiresAt: when the use stops counting in the window it was made in (rolling: one length later; fixed: its end).
    private readonly record struct Use(DateTimeOffset At, long PendingId, DateTimeOffset ExpiresAt);
}
