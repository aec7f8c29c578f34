using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using NxtAIGen.AspNetCore;
using NxtAIGen.Storage.Redis.Internal;
using StackExchange.Redis;

namespace NxtAIGen.Storage.Redis;

/// <summary>
/// An <see cref="IResumableStreamStore"/> in Redis, so a stream running on one instance is resumed or stopped from any
/// other: its frames in a list, its state in a hash (each change one Lua script), and its signals and new events
/// published on a channel that the instance running it and every reader subscribe to. Readers also look again every
/// few seconds, so a message lost while the connection was being re-established delays them but never stalls them.
/// A running stream whose instance died expires after <see cref="NxtAIGenRedisOptions.AbandonedStreamTimeout"/> with
/// no new event; a finished one after its buffer lifetime.
/// </summary>
internal sealed class RedisResumableStreamStore : IResumableStreamStore
{
    private const int ReadBatch = 256;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);
    private static readonly RedisValue[] InfoFields = ["owner", "first", "completed"];

    private readonly RedisConnection _connection;
    private readonly IOptionsMonitor<NxtAIGenRedisOptions> _options;

    public RedisResumableStreamStore(RedisConnection connection, IOptionsMonitor<NxtAIGenRedisOptions> options)
    {
        _connection = connection;
        _options = options;
    }

    /// <inheritdoc />
    public async ValueTask CreateAsync(string streamId, string owner, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        var created = (long)await EvaluateAsync(ResumeScripts.CreateText, Keys(streamId), [owner, Milliseconds(_options.CurrentValue.AbandonedStreamTimeout)]).ConfigureAwait(false);
        if (created != 1)
        {
            throw new InvalidOperationException("A stream with this id already exists.");
        }
    }

    /// <inheritdoc />
    public async ValueTask<ResumableStreamInfo?> FindAsync(string streamId, CancellationToken cancellationToken)
    {
        var fields = await _connection.RunAsync(db => db.HashGetAsync(MetaKey(streamId), InfoFields)).ConfigureAwait(false);
        return fields[0].IsNull
            ? null
            : new ResumableStreamInfo(streamId, fields[0].ToString(), (long)fields[1], fields[2] == "1");
    }

    /// <inheritdoc />
    public async ValueTask AppendAsync(string streamId, ResumableStreamEvent item, int maxEvents, TimeSpan bufferLifetime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var result = (long)await EvaluateAsync(
            ResumeScripts.AppendText,
            Keys(streamId),
            [item.Id, item.Frame, item.IsTerminal ? "1" : "0", maxEvents, Milliseconds(bufferLifetime), Milliseconds(_options.CurrentValue.AbandonedStreamTimeout), ChannelName(streamId)])
            .ConfigureAwait(false);
        switch (result)
        {
            case -1:
                throw new InvalidOperationException("The stream is unknown or expired.");
            case -2:
                throw new InvalidOperationException("The stream already ended with its terminal event.");
            case -3:
                throw new InvalidOperationException($"Event {item.Id} is out of sequence.");
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ResumableStreamEvent> ReadAsync(string streamId, long afterId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Subscribe before the first read: an event appended after it wakes this reader, one appended before it is read.
        using var appended = new SemaphoreSlim(0, 1);
        var queue = await SubscribeAsync(streamId, message =>
        {
            if (message == "e" && appended.CurrentCount == 0)
            {
                try
                {
                    appended.Release();
                }
                catch (SemaphoreFullException)
                {
                    // Already awake.
                }
            }
        }).ConfigureAwait(false);

        try
        {
            var last = afterId;
            while (true)
            {
                var batch = await ReadBatchAsync(streamId, last).ConfigureAwait(false);
                if (batch is null)
                {
                    yield break;
                }

                var (lastBuffered, completed, frames) = batch.Value;
                foreach (var frame in frames)
                {
                    var id = last + 1;
                    var terminal = completed && id == lastBuffered;
                    yield return new ResumableStreamEvent(id, (byte[])frame!, terminal);
                    last = id;
                    if (terminal)
                    {
                        yield break;
                    }
                }

                if (completed && last >= lastBuffered)
                {
                    yield break;
                }

                if (frames.Length == 0)
                {
                    await appended.WaitAsync(PollInterval, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            await UnsubscribeAsync(queue).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask AttachReaderAsync(string streamId, CancellationToken cancellationToken) =>
        await EvaluateAsync(ResumeScripts.ReadersText, [MetaKey(streamId)], [1, ChannelName(streamId)]).ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask DetachReaderAsync(string streamId, CancellationToken cancellationToken) =>
        await EvaluateAsync(ResumeScripts.ReadersText, [MetaKey(streamId)], [-1, ChannelName(streamId)]).ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask RequestStopAsync(string streamId, CancellationToken cancellationToken) =>
        await EvaluateAsync(ResumeScripts.StopText, [MetaKey(streamId)], [ChannelName(streamId)]).ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask<IAsyncDisposable> WatchAsync(string streamId, Action<ResumableStreamSignal> onSignal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onSignal);
        var queue = await SubscribeAsync(streamId, message =>
        {
            switch ((string?)message)
            {
                case "stop":
                    onSignal(ResumableStreamSignal.Stop);
                    break;
                case "attended":
                    onSignal(ResumableStreamSignal.Attended);
                    break;
                case "unattended":
                    onSignal(ResumableStreamSignal.Unattended);
                    break;
            }
        }).ConfigureAwait(false);

        // A stop requested before the subscription is in the hash.
        RedisValue stop;
        try
        {
            stop = await _connection.RunAsync(db => db.HashGetAsync(MetaKey(streamId), "stop")).ConfigureAwait(false);
        }
        catch
        {
            await UnsubscribeAsync(queue).ConfigureAwait(false);
            throw;
        }

        if (stop.IsNull)
        {
            await UnsubscribeAsync(queue).ConfigureAwait(false);
            throw new InvalidOperationException("The stream is unknown or expired.");
        }

        if (stop == "1")
        {
            onSignal(ResumableStreamSignal.Stop);
        }

        return new Subscription(queue);
    }

    private async Task<(long LastBuffered, bool Completed, RedisResult[] Frames)?> ReadBatchAsync(string streamId, long afterId)
    {
        var result = (RedisResult[])(await EvaluateAsync(ResumeScripts.ReadText, Keys(streamId), [afterId, ReadBatch]).ConfigureAwait(false))!;
        var first = (long)result[0];
        return first switch
        {
            -1 => null,
            -2 => throw new InvalidOperationException("Events this reader needs were dropped from the buffer."),
            _ => (first + (long)result[2] - 1, (long)result[1] == 1, (RedisResult[])result[3]!),
        };
    }

    private async Task<ChannelMessageQueue> SubscribeAsync(string streamId, Action<RedisValue> onMessage)
    {
        try
        {
            var multiplexer = await _connection.GetMultiplexerAsync().ConfigureAwait(false);
            var queue = await multiplexer.GetSubscriber().SubscribeAsync(RedisChannel.Literal(ChannelName(streamId))).ConfigureAwait(false);

            // One queue per subscriber, handled in order: an "unattended" is never overtaken by the "attended" after it.
            queue.OnMessage(message => onMessage(message.Message));
            return queue;
        }
        catch (Exception ex) when (RedisConnection.IsUnavailable(ex))
        {
            throw new NxtAIGenStoreUnavailableException("Redis", ex);
        }
    }

    private static async Task UnsubscribeAsync(ChannelMessageQueue queue)
    {
        try
        {
            await queue.UnsubscribeAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (RedisConnection.IsUnavailable(ex))
        {
            // The connection is gone, and its subscriptions with it.
        }
    }

    private Task<RedisResult> EvaluateAsync(string script, RedisKey[] keys, RedisValue[] values) =>
        _connection.RunAsync(db => db.ScriptEvaluateAsync(script, keys, values));

    private RedisKey[] Keys(string streamId) => [MetaKey(streamId), _connection.Key("{stream:" + streamId + "}:events")];

    private RedisKey MetaKey(string streamId) => _connection.Key("{stream:" + streamId + "}:meta");

    private string ChannelName(string streamId) => _connection.Prefix + "stream:" + streamId;

    private static string Milliseconds(TimeSpan span) => Math.Max(1, (long)Math.Ceiling(span.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);

    private sealed class Subscription(ChannelMessageQueue queue) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await UnsubscribeAsync(queue).ConfigureAwait(false);
    }
}
