namespace NxtAIGen.AspNetCore.Tests;

/// <summary>Waiting with a deadline instead of sleeping.</summary>
public static class Wait
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    public static async Task ForAsync(Task task, string what)
    {
        var finished = await Task.WhenAny(task, Task.Delay(Deadline));
        Assert.True(finished == task, $"Timed out waiting for {what}.");
        await task;
    }

    /// <summary>Polls <paramref name="condition"/>, running <paramref name="step"/> between polls, until it holds or the deadline passes.</summary>
    public static async Task UntilAsync(Func<bool> condition, string what, Action? step = null)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        while (!condition())
        {
            Assert.False(deadline.IsCancellationRequested, $"Timed out waiting for {what}.");
            step?.Invoke();
            await Task.Yield();
            await Task.Delay(1);
        }
    }
}
