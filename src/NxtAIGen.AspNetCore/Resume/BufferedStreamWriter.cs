using System.Text.Json;
using NxtAIGen.Abstractions;
using NxtAIGen.AspNetCore.Streaming;

namespace NxtAIGen.AspNetCore.Resume;

/// <summary>
/// Where a resumable generation writes: PROTOCOL.md's events, formatted by <see cref="SseWriter"/> (ids included) and
/// appended to the <see cref="IResumableStreamStore"/> one frame at a time. A generation that ends without a terminal
/// event (stopped, or its grace period ran out) gets an <c>error</c> event with code <c>canceled</c>, so every replay ends.
/// </summary>
internal sealed class BufferedStreamWriter : IChatStreamWriter
{
    private readonly SseWriter _inner;
    private readonly Func<string> _stopReason;
    private long _nextId = 1;

    public BufferedStreamWriter(IResumableStreamStore store, string streamId, NxtAIGenResumeOptions resume, TimeProvider timeProvider, Func<string> stopReason)
    {
        _stopReason = stopReason;
        var maxEvents = resume.MaxBufferedEvents;
        var lifetime = resume.BufferLifetime;
        var pipe = new FrameCapturePipe(frame => store.AppendAsync(streamId, new ResumableStreamEvent(_nextId++, frame, _inner!.IsTerminated), maxEvents, lifetime, CancellationToken.None));

        // No heartbeat here: each reader's response has its own.
        _inner = new SseWriter(pipe, timeProvider, Timeout.InfiniteTimeSpan, CancellationToken.None);
    }

    public bool IsTerminated => _inner.IsTerminated;

    public ValueTask WriteStartAsync(string id, string provider, string model) => _inner.WriteStartAsync(id, provider, model);

    public ValueTask WriteContentAsync(string text) => _inner.WriteContentAsync(text);

    public ValueTask WriteThinkingAsync(string text) => _inner.WriteThinkingAsync(text);

    public ValueTask WriteToolCallAsync(ChatToolCall call) => _inner.WriteToolCallAsync(call);

    public ValueTask WriteDoneAsync(ChatStreamOutcome outcome, Action<Utf8JsonWriter>? writeExtra = null) => _inner.WriteDoneAsync(outcome, writeExtra);

    public ValueTask WriteErrorAsync(string message, string code, TimeSpan? retryAfter) => _inner.WriteErrorAsync(message, code, retryAfter);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_inner.IsTerminated)
            {
                await _inner.WriteErrorAsync(_stopReason(), "canceled", null).ConfigureAwait(false);
            }
        }
        finally
        {
            await _inner.DisposeAsync().ConfigureAwait(false);
        }
    }
}
