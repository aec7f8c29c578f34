namespace NxtAIGen.FaultTests;

/// <summary>Polls a condition until it holds or a deadline passes (never a fixed sleep).</summary>
public static class Poll
{
    /// <summary>How long a condition may take to become true; generous, since the machine is shared.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    public static async Task UntilAsync(Func<bool> condition, string what, TimeSpan? deadline = null)
    {
        using var timeout = new CancellationTokenSource(deadline ?? Deadline);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        while (!condition())
        {
            if (timeout.IsCancellationRequested)
            {
                throw new TimeoutException($"Waited {(deadline ?? Deadline).TotalSeconds:0} s for {what}.");
            }

            try
            {
                await timer.WaitForNextTickAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }
}
