using NxtAIGen.AspNetCore;

namespace NxtAIGen.FaultTests;

/// <summary>
/// An observer that keeps a weak reference to every stream's <see cref="ChatStreamStart"/> (which holds the request,
/// its messages and the caller): once the streams are over and the GC has run, none may still be alive.
/// </summary>
public sealed class RequestTracker : IChatStreamObserver
{
    private readonly List<WeakReference> _starts = [];
    private int _ended;

    public int Started
    {
        get
        {
            lock (_starts)
            {
                return _starts.Count;
            }
        }
    }

    /// <summary>Gets how many streams have ended (their observers' <c>OnEndAsync</c> ran).</summary>
    public int Ended => Volatile.Read(ref _ended);

    public int StillAlive()
    {
        lock (_starts)
        {
            return _starts.Count(w => w.IsAlive);
        }
    }

    public ValueTask<ChatStreamRefusal?> OnStartAsync(ChatStreamStart start, CancellationToken cancellationToken)
    {
        lock (_starts)
        {
            _starts.Add(new WeakReference(start));
        }

        return ValueTask.FromResult<ChatStreamRefusal?>(null);
    }

    public ValueTask OnEndAsync(ChatStreamCompletion completion, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _ended);
        return ValueTask.CompletedTask;
    }
}
