using System.Runtime.CompilerServices;

namespace NxtAIGen.AspNetCore;

/// <summary>
/// The default <see cref="IResumableStreamStore"/>: streams kept in this process, so a stream can be resumed only on
/// the instance that runs it. Finished streams are forgotten after their buffer lifetime.
/// </summary>
public sealed class InMemoryResumableStreamStore : IResumableStreamStore
{
    private readonly Dictionary<string, Entry> _streams = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the store.</summary>
    /// <param name="timeProvider">The clock that expires finished streams.</param>
    public InMemoryResumableStreamStore(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
    }

    /// <inheritdoc/>
    public ValueTask CreateAsync(string streamId, string owner, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        lock (_streams)
        {
            var now = _timeProvider.GetUtcNow();
            foreach (var expired in _streams.Where(s => s.Value.ExpiresAt <= now).Select(s => s.Key).ToList())
            {
                _streams.Remove(expired);
            }

            if (!_streams.TryAdd(streamId, new Entry(owner)))
            {
                throw new InvalidOperationException("A stream with this id already exists.");
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask<ResumableStreamInfo?> FindAsync(string streamId, CancellationToken cancellationToken)
    {
        lock (_streams)
        {
            return ValueTask.FromResult(Find(streamId) is { } entry
                ? new ResumableStreamInfo(streamId, entry.Owner, entry.FirstId, entry.Completed)
                : null);
        }
    }

    /// <inheritdoc/>
    public ValueTask AppendAsync(string streamId, ResumableStreamEvent item, int maxEvents, TimeSpan bufferLifetime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        TaskCompletionSource changed;
        lock (_streams)
        {
            var entry = Find(streamId) ?? throw new InvalidOperationException("The stream is unknown or expired.");
            if (entry.Completed)
            {
                throw new InvalidOperationException("The stream already ended with its terminal event.");
            }

            if (item.Id != entry.FirstId + entry.Events.Count)
            {
                throw new InvalidOperationException($"Event {item.Id} is out of sequence.");
            }

            entry.Events.Add(item);
            if (entry.Events.Count > maxEvents)
            {
                var drop = entry.Events.Count - maxEvents;
                entry.Events.RemoveRange(0, drop);
                entry.FirstId += drop;
            }

            if (item.IsTerminal)
            {
                entry.Completed = true;
                entry.ExpiresAt = _timeProvider.GetUtcNow() + bufferLifetime;
                entry.Watchers.Clear();
            }

            changed = entry.Changed;
            entry.Changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<ResumableStreamEvent> ReadAsync(string streamId, long afterId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var last = afterId;
        while (true)
        {
            List<ResumableStreamEvent> batch;
            Task changed;
            bool completed;
            lock (_streams)
            {
                if (Find(streamId) is not { } entry)
                {
                    yield break;
                }

                if (last + 1 < entry.FirstId)
                {
                    throw new InvalidOperationException("Events this reader needs were dropped from the buffer.");
                }

                var from = (int)Math.Max(0, last + 1 - entry.FirstId);
                batch = from < entry.Events.Count ? entry.Events.GetRange(from, entry.Events.Count - from) : [];
                changed = entry.Changed.Task;
                completed = entry.Completed;
            }

            foreach (var item in batch)
            {
                yield return item;
                last = item.Id;
                if (item.IsTerminal)
                {
                    yield break;
                }
            }

            if (completed)
            {
                yield break;
            }

            if (batch.Count == 0)
            {
                await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask AttachReaderAsync(string streamId, CancellationToken cancellationToken)
    {
        Action<ResumableStreamSignal>[] notify = [];
        lock (_streams)
        {
            if (Find(streamId) is { } entry && ++entry.Readers == 1)
            {
                notify = [.. entry.Watchers];
            }
        }

        Raise(notify, ResumableStreamSignal.Attended);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask DetachReaderAsync(string streamId, CancellationToken cancellationToken)
    {
        Action<ResumableStreamSignal>[] notify = [];
        lock (_streams)
        {
            if (Find(streamId) is { Readers: > 0 } entry && --entry.Readers == 0)
            {
                notify = [.. entry.Watchers];
            }
        }

        Raise(notify, ResumableStreamSignal.Unattended);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask RequestStopAsync(string streamId, CancellationToken cancellationToken)
    {
        Action<ResumableStreamSignal>[] notify = [];
        lock (_streams)
        {
            if (Find(streamId) is { Completed: false } entry)
            {
                entry.StopRequested = true;
                notify = [.. entry.Watchers];
            }
        }

        Raise(notify, ResumableStreamSignal.Stop);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask<IAsyncDisposable> WatchAsync(string streamId, Action<ResumableStreamSignal> onSignal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onSignal);
        bool stop;
        lock (_streams)
        {
            var entry = Find(streamId) ?? throw new InvalidOperationException("The stream is unknown or expired.");
            entry.Watchers.Add(onSignal);
            stop = entry.StopRequested;
        }

        if (stop)
        {
            onSignal(ResumableStreamSignal.Stop);
        }

        return ValueTask.FromResult<IAsyncDisposable>(new Watch(this, streamId, onSignal));
    }

    private static void Raise(Action<ResumableStreamSignal>[] watchers, ResumableStreamSignal signal)
    {
        foreach (var watcher in watchers)
        {
            watcher(signal);
        }
    }

    private Entry? Find(string streamId)
    {
        if (!_streams.TryGetValue(streamId, out var entry))
        {
            return null;
        }

        if (entry.ExpiresAt <= _timeProvider.GetUtcNow())
        {
            _streams.Remove(streamId);
            return null;
        }

        return entry;
    }

    private sealed class Entry(string owner)
    {
        public string Owner { get; } = owner;

        public List<ResumableStreamEvent> Events { get; } = [];

        public List<Action<ResumableStreamSignal>> Watchers { get; } = [];

        public long FirstId { get; set; } = 1;

        public bool Completed { get; set; }

        public bool StopRequested { get; set; }

        public int Readers { get; set; }

        public DateTimeOffset ExpiresAt { get; set; } = DateTimeOffset.MaxValue;

        public TaskCompletionSource Changed { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Watch(InMemoryResumableStreamStore store, string streamId, Action<ResumableStreamSignal> onSignal) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            lock (store._streams)
            {
                if (store._streams.TryGetValue(streamId, out var entry))
                {
                    entry.Watchers.Remove(onSignal);
                }
            }

            return ValueTask.CompletedTask;
        }
    }
}
