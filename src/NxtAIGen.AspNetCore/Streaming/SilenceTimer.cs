namespace NxtAIGen.AspNetCore.Streaming;

/// <summary>
/// Calls back when a stream has been silent for an interval, and again after each further interval of silence: the
/// heartbeat of the SSE writers and the runner's upstream idle timeout. Activity is noted with <see cref="Touch"/>, a
/// single timestamp store, so the hot path never re-arms a timer per event: the one timer fires when the interval
/// could have passed, measures the silence, and either calls back or sleeps for what is left.
/// </summary>
internal sealed class SilenceTimer : IAsyncDisposable
{
    private readonly TimeProvider _timeProvider;
    private readonly Action<object> _onSilence;
    private readonly object _state;
    private readonly ITimer _timer;
    private readonly Lock _lock = new();
    private TimeSpan _interval = Timeout.InfiniteTimeSpan;
    private long _lastActivity;
    private bool _disposed;

    /// <param name="timeProvider">The clock.</param>
    /// <param name="onSilence">Called, on a timer thread, with <paramref name="state"/> after each interval of silence.</param>
    /// <param name="state">Passed to <paramref name="onSilence"/> (no closure per stream).</param>
    public SilenceTimer(TimeProvider timeProvider, Action<object> onSilence, object state)
    {
        _timeProvider = timeProvider;
        _onSilence = onSilence;
        _state = state;
        _lastActivity = timeProvider.GetTimestamp();
        _timer = timeProvider.CreateTimer(static s => ((SilenceTimer)s!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Gets whether the callback has run at least once.</summary>
    public bool Fired { get; private set; }

    /// <summary>Starts watching with <paramref name="interval"/>, silence counted from now; <see cref="Timeout.InfiniteTimeSpan"/> stops.</summary>
    public void Arm(TimeSpan interval)
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _interval = interval;
            Volatile.Write(ref _lastActivity, _timeProvider.GetTimestamp());
            _timer.Change(interval, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Notes activity: the silence counts from now.</summary>
    public void Touch() => Volatile.Write(ref _lastActivity, _timeProvider.GetTimestamp());

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        lock (_lock)
        {
            _disposed = true;
        }

        return _timer.DisposeAsync();
    }

    private void OnTimer()
    {
        lock (_lock)
        {
            if (_disposed || _interval == Timeout.InfiniteTimeSpan)
            {
                return;
            }

            var silent = _timeProvider.GetElapsedTime(Volatile.Read(ref _lastActivity));
            if (silent < _interval)
            {
                // Something happened since the timer was set: sleep until the interval after it.
                _timer.Change(_interval - silent, Timeout.InfiniteTimeSpan);
                return;
            }

            Volatile.Write(ref _lastActivity, _timeProvider.GetTimestamp());
            _timer.Change(_interval, Timeout.InfiniteTimeSpan);
            Fired = true;
        }

        _onSilence(_state);
    }
}
