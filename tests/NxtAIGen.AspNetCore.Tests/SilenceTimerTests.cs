using Microsoft.Extensions.Time.Testing;
using NxtAIGen.AspNetCore.Streaming;

namespace NxtAIGen.AspNetCore.Tests;

/// <summary>The one timer behind heartbeats and the idle timeout: silence counted from the last touch, never re-armed per event.</summary>
public sealed class SilenceTimerTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Fires_AfterAnIntervalOfSilence_ThenAfterEachFurtherInterval()
    {
        var (time, fired, timer) = Start();
        await using var _ = timer;

        time.Advance(Interval - TimeSpan.FromMilliseconds(1));
        Assert.Empty(fired);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal([15], fired);
        time.Advance(Interval);
        Assert.Equal([15, 30], fired);
        Assert.True(timer.Fired);
    }

    [Fact]
    public async Task Touch_PostponesTheCallbackToAnIntervalAfterIt()
    {
        var (time, fired, timer) = Start();
        await using var _ = timer;

        time.Advance(TimeSpan.FromSeconds(10));
        timer.Touch();
        time.Advance(TimeSpan.FromSeconds(14));
        Assert.Empty(fired);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([25], fired);
    }

    [Fact]
    public async Task ArmInfinite_AndDispose_StopIt()
    {
        var (time, fired, timer) = Start();
        timer.Arm(Timeout.InfiniteTimeSpan);
        time.Advance(Interval * 3);
        Assert.Empty(fired);

        timer.Arm(Interval);
        await timer.DisposeAsync();
        time.Advance(Interval * 3);
        Assert.Empty(fired);
        Assert.False(timer.Fired);
    }

    private static (FakeTimeProvider Time, List<double> Fired, SilenceTimer Timer) Start()
    {
        var time = new FakeTimeProvider();
        var start = time.GetUtcNow();
        var fired = new List<double>();
        var timer = new SilenceTimer(time, _ => fired.Add((time.GetUtcNow() - start).TotalSeconds), fired);
        timer.Arm(Interval);
        return (time, fired, timer);
    }
}
