using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NxtAIGen.AspNetCore;

namespace NxtAIGen.Storage.EntityFrameworkCore;

/// <summary>
/// An <see cref="IQuotaStore"/> in a database, shared by every instance. A reservation runs in one transaction that
/// first locks its counters: on PostgreSQL with <c>pg_advisory_xact_lock</c> per counter key (taken in sorted order,
/// so two reservations never deadlock); on SQLite by taking the database's write lock at <c>BEGIN IMMEDIATE</c>.
/// Pending reservations older than <see cref="NxtAIGenEntityFrameworkOptions.PendingReservationTimeout"/> stop counting.
/// </summary>
public sealed class EfCoreQuotaStore : IQuotaStore, IDisposable
{
    private readonly IDbContextFactory<NxtAIGenDbContext> _factory;
    private readonly IOptionsMonitor<NxtAIGenEntityFrameworkOptions> _options;

    // SQLite has one writer at a time: queue this process's reservations here rather than spin on SQLITE_BUSY.
    private readonly SemaphoreSlim _sqliteWriter = new(1, 1);

    /// <summary>Initializes a new instance of the <see cref="EfCoreQuotaStore"/> class.</summary>
    /// <param name="factory">Creates database contexts.</param>
    /// <param name="options">The options, for the pending reservation timeout.</param>
    public EfCoreQuotaStore(IDbContextFactory<NxtAIGenDbContext> factory, IOptionsMonitor<NxtAIGenEntityFrameworkOptions> options)
    {
        _factory = factory;
        _options = options;
    }

    /// <inheritdoc />
    public async ValueTask<QuotaReservation> TryReserveAsync(IReadOnlyList<QuotaWindow> windows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(windows);
        var db = await _factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var sqlite = db.Database.IsSqlite();
            if (sqlite)
            {
                await _sqliteWriter.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            try
            {
                return await ReserveAsync(db, windows, now, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                if (sqlite)
                {
                    _sqliteWriter.Release();
                }
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask CommitAsync(string reservationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reservationId);
        var db = await _factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            await db.QuotaUses
                .Where(u => u.ReservationId == reservationId && u.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.Pending, false), cancellationToken)
                .ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask ReleaseAsync(string reservationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reservationId);
        var db = await _factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            await db.QuotaUses
                .Where(u => u.ReservationId == reservationId && u.Pending)
                .ExecuteDeleteAsync(cancellationToken)
                .ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<QuotaWindowUsage>> GetUsageAsync(IReadOnlyList<QuotaWindow> windows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(windows);
        var db = await _factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            return await MeasureAsync(db, windows, now, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _sqliteWriter.Dispose();

    private async Task<QuotaReservation> ReserveAsync(NxtAIGenDbContext db, IReadOnlyList<QuotaWindow> windows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // On SQLite, BeginTransaction is BEGIN IMMEDIATE: the write lock is taken before anything is read.
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            if (db.Database.IsNpgsql())
            {
                foreach (var key in windows.Select(w => w.Key).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
                {
                    await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", cancellationToken).ConfigureAwait(false);
                }
            }

            await ForgetAsync(db, windows, now, cancellationToken).ConfigureAwait(false);
            var states = await MeasureAsync(db, windows, now, cancellationToken).ConfigureAwait(false);
            var exceeded = states.FirstOrDefault(s => !s.IsUnlimited && s.Remaining <= 0);
            if (exceeded is not null)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return new QuotaReservation { Granted = false, Windows = states, Exceeded = exceeded };
            }

            var id = Guid.NewGuid().ToString("N");
            foreach (var key in windows.Select(w => w.Key).Distinct(StringComparer.Ordinal))
            {
                db.QuotaUses.Add(new QuotaUseEntity { CounterKey = key, AtUtcTicks = now.UtcTicks, ReservationId = id, Pending = true });
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            states = await MeasureAsync(db, windows, now, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new QuotaReservation { Granted = true, Id = id, Windows = states };
        }
    }

    // Uses before a window's start never count again in that key's windows; abandoned ones neither.
    private async Task ForgetAsync(NxtAIGenDbContext db, IReadOnlyList<QuotaWindow> windows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var staleBefore = StaleCutoff(now);
        foreach (var window in windows)
        {
            var key = window.Key;
            var start = window.Start.UtcTicks;
            await db.QuotaUses
                .Where(u => u.CounterKey == key && u.AtUtcTicks < start && (!u.Pending || u.AtUtcTicks <= staleBefore))
                .ExecuteDeleteAsync(cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private async Task<List<QuotaWindowUsage>> MeasureAsync(NxtAIGenDbContext db, IReadOnlyList<QuotaWindow> windows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var staleBefore = StaleCutoff(now);
        var states = new List<QuotaWindowUsage>(windows.Count);
        foreach (var window in windows)
        {
            var key = window.Key;
            var start = window.Start.UtcTicks;
            var uses = db.QuotaUses.AsNoTracking().Where(u => u.CounterKey == key && (!u.Pending || u.AtUtcTicks > staleBefore));
            // A rolling window drops a use exactly one length after it was made; a fixed window counts from its start on.
            uses = window.Rolling ? uses.Where(u => u.AtUtcTicks > start) : uses.Where(u => u.AtUtcTicks >= start);
            var used = await uses.LongCountAsync(cancellationToken).ConfigureAwait(false);
            var oldest = used == 0 ? null : await uses.MinAsync(u => (long?)u.AtUtcTicks, cancellationToken).ConfigureAwait(false);
            var oldestAt = oldest is { } ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : (DateTimeOffset?)null;
            var resetAt = window.Rolling ? (oldestAt ?? window.End) + window.Length : window.End;
            var remaining = window.Limit < 0 ? -1 : Math.Max(0, window.Limit - used);
            states.Add(new QuotaWindowUsage(window.Name, window.Limit < 0 ? -1 : window.Limit, used, remaining, resetAt));
        }

        return states;
    }

    private long StaleCutoff(DateTimeOffset now) => (now - _options.CurrentValue.PendingReservationTimeout).UtcTicks;
}
