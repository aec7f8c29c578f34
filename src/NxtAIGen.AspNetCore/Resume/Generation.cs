namespace NxtAIGen.AspNetCore.Resume;

/// <summary>
/// The cancellation of one resumable generation: its owner's stop, or its grace period running out while no client
/// reads it (re-armed each time the last reader leaves, disarmed when one comes back).
/// </summary>
internal sealed class Generation : IDisposable
{
    private const string StoppedMessage = "The answer was stopped.";
    private const string AbandonedMessage = "The answer was stopped because no client was reading it.";
    private readonly CancellationTokenSource _cancel = new();
    private readonly ITimer _grace;
    private readonly TimeSpan _gracePeriod;
    private readonly Lock _lock = new();
    private string? _stoppedBy;
    private bool _disposed;

    public Generation(TimeSpan gracePeriod, TimeProvider timeProvider)
    {
        _gracePeriod = gracePeriod;
        _grace = timeProvider.CreateTimer(static state => ((Generation)state!).Cancel("grace period expired"), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Gets the token that cancels the generation and its upstream request.</summary>
    public CancellationToken Token => _cancel.Token;

    /// <summary>Gets why it was canceled (a stop or the grace period), or null.</summary>
    public string? StoppedBy
    {
        get
        {
            lock (_lock)
            {
                return _stoppedBy;
            }
        }
    }

    /// <summary>The message of the <c>canceled</c> error event that ends a stopped stream.</summary>
    public string StopReason() => StoppedBy == "grace period expired" ? AbandonedMessage : StoppedMessage;

    public void OnSignal(ResumableStreamSignal signal)
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            switch (signal)
            {
                case ResumableStreamSignal.Unattended:
                    _grace.Change(_gracePeriod, Timeout.InfiniteTimeSpan);
                    return;
                case ResumableStreamSignal.Attended:
                    _grace.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                    return;
            }
        }

        Cancel("stop requested");
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _grace.Dispose();
        }

        _cancel.Dispose();
    }

    private void Cancel(string reason)
    {
        lock (_lock)
        {
            if (_disposed || _stoppedBy is not null)
            {
                return;
            }

            _stoppedBy = reason;
        }

        try
        {
            _cancel.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The generation ended meanwhile.
        }
    }
}
