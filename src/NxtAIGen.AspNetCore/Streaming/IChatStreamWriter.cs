using System.Text.Json;
using NxtAIGen.Abstractions;

namespace NxtAIGen.AspNetCore.Streaming;

/// <summary>
/// Where <see cref="ChatStreamRunner"/> sends a generation: PROTOCOL.md's SSE events (<see cref="SseWriter"/>) or the
/// OpenAI-compatible gateway's chunks or single response. Exactly one terminal call (<see cref="WriteDoneAsync"/> or
/// <see cref="WriteErrorAsync"/>) ends it.
/// </summary>
internal interface IChatStreamWriter : IAsyncDisposable
{
    /// <summary>Gets whether the terminal event has been written.</summary>
    bool IsTerminated { get; }

    /// <summary>The generation was accepted: its id, provider and requested model.</summary>
    ValueTask WriteStartAsync(string id, string provider, string model);

    /// <summary>A fallback answers instead of the requested provider (called before its first content). Default: nothing.</summary>
    ValueTask AnsweredByAsync(string provider, string? model) => ValueTask.CompletedTask;

    /// <summary>A piece of answer text.</summary>
    ValueTask WriteContentAsync(string text);

    /// <summary>A piece of reasoning.</summary>
    ValueTask WriteThinkingAsync(string text);

    /// <summary>One complete tool call.</summary>
    ValueTask WriteToolCallAsync(ChatToolCall call);

    /// <summary>The successful end, with the caller's quota members for writers that show them.</summary>
    ValueTask WriteDoneAsync(ChatStreamOutcome outcome, Action<Utf8JsonWriter>? writeExtra = null);

    /// <summary>The failed end: a message safe to show, PROTOCOL.md's error code, and when to retry.</summary>
    ValueTask WriteErrorAsync(string message, string code, TimeSpan? retryAfter);
}
