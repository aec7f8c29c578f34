using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NxtAIGen.AspNetCore;
using NxtAIGen.AspNetCore.Tests;
using NxtAIGen.Storage.Redis;

namespace NxtAIGen.ScaleOut.Tests;

/// <summary>The Redis buffer of resumable streams, store to store over one Redis (two instances without the HTTP layer).</summary>
[Collection(ScaleOutGroup.Name)]
public sealed class RedisResumableStreamStoreTests : IAsyncLifetime
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private readonly RedisServer _redis;
    private readonly List<ServiceProvider> _providers = [];

    public RedisResumableStreamStoreTests(RedisServer redis) => _redis = redis;

    [SkippableFact]
    public async Task ReaderOnOneStore_GetsBufferedThenLiveEventsAppendedThroughAnother_EndingAfterTheTerminalOne()
    {
        var (writer, reader) = (CreateStore(), CreateStore());
        var id = NewId();
        await writer.CreateAsync(id, "user:alice", default);
        await writer.AppendAsync(id, Event(1, "start"), 100, Lifetime, default);

        await using var events = reader.ReadAsync(id, 0, default).GetAsyncEnumerator();
        Assert.True(await events.MoveNextAsync());
        Assert.Equal((1, "start", false), Describe(events.Current));

        var next = events.MoveNextAsync().AsTask();
        Assert.False(next.IsCompleted);
        await writer.AppendAsync(id, Event(2, "done", terminal: true), 100, Lifetime, default);
        Assert.True(await next.WaitAsync(Wait.Deadline));
        Assert.Equal((2, "done", true), Describe(events.Current));
        Assert.False(await events.MoveNextAsync());

        Assert.Equal(new ResumableStreamInfo(id, "user:alice", 1, true), await reader.FindAsync(id, default));
    }

    [SkippableFact]
    public async Task Append_RefusesAnUnknownStream_AnIdOutOfSequence_AndAnythingAfterTheEnd()
    {
        var store = CreateStore();
        var id = NewId();
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await store.AppendAsync(id, Event(1, "start"), 100, Lifetime, default));
        await store.CreateAsync(id, "user:alice", default);
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await store.CreateAsync(id, "user:mallory", default));

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await store.AppendAsync(id, Event(2, "gap"), 100, Lifetime, default));
        await store.AppendAsync(id, Event(1, "done", terminal: true), 100, Lifetime, default);
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await store.AppendAsync(id, Event(2, "late"), 100, Lifetime, default));
    }

    [SkippableFact]
    public async Task BeyondMaxEvents_TheOldestAreDropped_AndAReaderNeedingThemFails()
    {
        var store = CreateStore();
        var id = NewId();
        await store.CreateAsync(id, "user:alice", default);
        for (var i = 1; i <= 10; i++)
        {
            await store.AppendAsync(id, Event(i, $"e{i}", terminal: i == 10), 4, Lifetime, default);
        }

        Assert.Equal(7, (await store.FindAsync(id, default))!.FirstBufferedId);
        var tail = await store.ReadAsync(id, 6, default).ToListAsync();
        Assert.Equal([7L, 8, 9, 10], tail.Select(e => e.Id));
        Assert.True(tail[^1].IsTerminal);
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await store.ReadAsync(id, 5, default).ToListAsync());
    }

    [SkippableFact]
    public async Task Signals_ReachTheWatcherOnAnotherStore_InOrder_AndAStopBeforeWatchingIsNotLost()
    {
        var (runner, other) = (CreateStore(), CreateStore());
        var id = NewId();
        await runner.CreateAsync(id, "user:alice", default);
        var signals = new List<ResumableStreamSignal>();
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (await runner.WatchAsync(id, s => { lock (signals) { signals.Add(s); } if (s == ResumableStreamSignal.Stop) { stopped.TrySetResult(); } }, default))
        {
            await other.AttachReaderAsync(id, default);
            await other.AttachReaderAsync(id, default);
            await other.DetachReaderAsync(id, default);
            await other.DetachReaderAsync(id, default);
            await other.RequestStopAsync(id, default);
            await stopped.Task.WaitAsync(Wait.Deadline);
        }

        lock (signals)
        {
            Assert.Equal([ResumableStreamSignal.Attended, ResumableStreamSignal.Unattended, ResumableStreamSignal.Stop], signals);
        }

        var late = new TaskCompletionSource<ResumableStreamSignal>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (await CreateStore().WatchAsync(id, s => late.TrySetResult(s), default))
        {
            Assert.Equal(ResumableStreamSignal.Stop, await late.Task.WaitAsync(Wait.Deadline));
        }
    }

    [SkippableFact]
    public async Task StreamWhoseInstanceDied_ExpiresAfterTheAbandonedTimeout_AndItsReaderEnds()
    {
        var store = CreateStore(TimeSpan.FromMilliseconds(300));
        var id = NewId();
        await store.CreateAsync(id, "user:alice", default);
        await store.AppendAsync(id, Event(1, "start"), 100, Lifetime, default);

        // Nobody appends again: the keys expire in Redis, the reader's next look finds nothing and it ends.
        var read = store.ReadAsync(id, 0, default).ToListAsync().AsTask();
        Assert.Equal([1L], (await read.WaitAsync(TimeSpan.FromSeconds(30))).Select(e => e.Id));
        Assert.Null(await store.FindAsync(id, default));
    }

    [SkippableFact]
    public async Task RedisDown_FailsWithStoreUnavailable()
    {
        var store = CreateStore();
        var id = NewId();
        await _redis.StopAsync();
        try
        {
            var failure = await Assert.ThrowsAsync<NxtAIGenStoreUnavailableException>(async () => await store.CreateAsync(id, "user:alice", default));
            Assert.Equal("Redis", failure.Store);
            await Assert.ThrowsAsync<NxtAIGenStoreUnavailableException>(async () => await store.FindAsync(id, default));
        }
        finally
        {
            await _redis.StartAsync();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }
    }

    private static string NewId() => Guid.NewGuid().ToString("N");

    private static ResumableStreamEvent Event(long id, string text, bool terminal = false) => new(id, Encoding.UTF8.GetBytes(text), terminal);

    private static (long, string, bool) Describe(ResumableStreamEvent e) => (e.Id, Encoding.UTF8.GetString(e.Frame.Span), e.IsTerminal);

    private IResumableStreamStore CreateStore(TimeSpan? abandonedAfter = null)
    {
        _redis.SkipIfUnavailable();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddNxtAIGen().AddRedisStores(_redis.ConnectionString, o =>
        {
            o.KeyPrefix = "resume-test:";
            o.AbandonedStreamTimeout = abandonedAfter ?? TimeSpan.FromMinutes(15);
        });
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider.GetRequiredService<IResumableStreamStore>();
    }
}
