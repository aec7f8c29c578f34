using System.Collections.Concurrent;

namespace NxtAIGen.AspNetCore.Tests;

/// <summary>An observer that records what it sees and refuses when told to.</summary>
public sealed class RecordingObserver : IChatStreamObserver
{
    public ConcurrentQueue<ChatStreamStart> Starts { get; } = new();

    public TaskCompletionSource<ChatStreamCompletion> Ended { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private int _endCalls;

    public int EndCalls => Volatile.Read(ref _endCalls);

    /// <summary>Gets or sets the refusal returned by <see cref="OnStartAsync"/>.</summary>
    public ChatStreamRefusal? Refusal { get; set; }

    /// <summary>Gets or sets whether <see cref="OnEndAsync"/> throws (after recording).</summary>
    public bool ThrowOnEnd { get; set; }

    public ValueTask<ChatStreamRefusal?> OnStartAsync(ChatStreamStart start, CancellationToken cancellationToken)
    {
        Starts.Enqueue(start);
        return ValueTask.FromResult(Refusal);
    }

    public ValueTask OnEndAsync(ChatStreamCompletion completion, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _endCalls);
        Ended.TrySetResult(completion);
        if (ThrowOnEnd)
        {
            throw new InvalidOperationException("observer failure");
        }

        return ValueTask.CompletedTask;
    }
}
