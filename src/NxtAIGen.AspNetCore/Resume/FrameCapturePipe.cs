using System.Buffers;
using System.IO.Pipelines;

namespace NxtAIGen.AspNetCore.Resume;

/// <summary>
/// The output of a resumable generation's <see cref="Streaming.SseWriter"/>: what is written between two flushes is one
/// complete SSE frame (the writer flushes once per event), handed to the store on flush instead of to a socket.
/// </summary>
internal sealed class FrameCapturePipe : PipeWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private readonly Func<ReadOnlyMemory<byte>, ValueTask> _onFrame;

    public FrameCapturePipe(Func<ReadOnlyMemory<byte>, ValueTask> onFrame) => _onFrame = onFrame;

    public override void Advance(int bytes) => _buffer.Advance(bytes);

    public override Memory<byte> GetMemory(int sizeHint = 0) => _buffer.GetMemory(sizeHint);

    public override Span<byte> GetSpan(int sizeHint = 0) => _buffer.GetSpan(sizeHint);

    public override void CancelPendingFlush()
    {
        // Flushes complete synchronously with the store's append; there is never one pending.
    }

    public override void Complete(Exception? exception = null) => _buffer.Clear();

    public override async ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        if (_buffer.WrittenCount > 0)
        {
            var frame = _buffer.WrittenMemory.ToArray();
            _buffer.Clear();
            await _onFrame(frame).ConfigureAwait(false);
        }

        return new FlushResult(isCanceled: false, isCompleted: false);
    }
}
