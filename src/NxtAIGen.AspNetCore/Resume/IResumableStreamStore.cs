namespace NxtAIGen.AspNetCore;

/// <summary>
/// The buffer of resumable streams (<c>NxtAIGen:Streaming:Resume</c>): each stream's events in order, who owns it,
/// how many clients read it, and its stop signal. The instance that runs a generation appends; any instance reads,
/// replaying from an event id and then waiting for new events. The default, <see cref="InMemoryResumableStreamStore"/>,
/// serves one instance; a store shared by several instances (Redis) implements the same contract, delivering
/// <see cref="ResumableStreamSignal"/>s to the watching instance wherever they were raised.
/// </summary>
public interface IResumableStreamStore
{
    /// <summary>Registers a new, running stream with no events yet.</summary>
    /// <param name="streamId">The stream id (the <c>start</c> event's <c>id</c>).</param>
    /// <param name="owner">Who may read or stop it (an opaque key for the caller).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask CreateAsync(string streamId, string owner, CancellationToken cancellationToken);

    /// <summary>Finds a stream that is still running or whose buffer has not expired.</summary>
    /// <returns>The stream, or <see langword="null"/> when it is unknown or expired.</returns>
    ValueTask<ResumableStreamInfo?> FindAsync(string streamId, CancellationToken cancellationToken);

    /// <summary>
    /// Appends the next event (ids increase by one from 1). A terminal event completes the stream: it is kept for
    /// <paramref name="bufferLifetime"/> more, then forgotten. Beyond <paramref name="maxEvents"/> events the oldest are dropped.
    /// </summary>
    ValueTask AppendAsync(string streamId, ResumableStreamEvent item, int maxEvents, TimeSpan bufferLifetime, CancellationToken cancellationToken);

    /// <summary>
    /// Reads the events after <paramref name="afterId"/> in order: those buffered, then new ones as they are appended,
    /// ending after the terminal event. Ends at once for an unknown stream.
    /// </summary>
    /// <exception cref="InvalidOperationException">An event the reader needs was dropped (see <c>MaxBufferedEvents</c>).</exception>
    IAsyncEnumerable<ResumableStreamEvent> ReadAsync(string streamId, long afterId, CancellationToken cancellationToken);

    /// <summary>Counts one more client reading the stream (a 0 to 1 change raises <see cref="ResumableStreamSignal.Attended"/>).</summary>
    ValueTask AttachReaderAsync(string streamId, CancellationToken cancellationToken);

    /// <summary>Counts one client fewer (a 1 to 0 change raises <see cref="ResumableStreamSignal.Unattended"/>).</summary>
    ValueTask DetachReaderAsync(string streamId, CancellationToken cancellationToken);

    /// <summary>Asks the generation to stop for good (raises <see cref="ResumableStreamSignal.Stop"/>, also for a watcher that subscribes later).</summary>
    ValueTask RequestStopAsync(string streamId, CancellationToken cancellationToken);

    /// <summary>Delivers the stream's signals to <paramref name="onSignal"/> until the returned handle is disposed.</summary>
    ValueTask<IAsyncDisposable> WatchAsync(string streamId, Action<ResumableStreamSignal> onSignal, CancellationToken cancellationToken);
}
