namespace NxtAIGen.AspNetCore;

/// <summary>One buffered event of a resumable stream.</summary>
/// <param name="Id">The event's SSE <c>id</c>: 1 for <c>start</c>, then one more per event.</param>
/// <param name="Frame">The complete SSE frame as sent (UTF-8, <c>id:</c>, <c>event:</c> and <c>data:</c> lines and the blank line).</param>
/// <param name="IsTerminal">Whether it is the stream's last event (<c>done</c> or <c>error</c>).</param>
public sealed record ResumableStreamEvent(long Id, ReadOnlyMemory<byte> Frame, bool IsTerminal);
