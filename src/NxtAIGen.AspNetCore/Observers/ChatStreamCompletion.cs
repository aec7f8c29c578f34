using NxtAIGen.Abstractions;

namespace NxtAIGen.AspNetCore;

/// <summary>How a streamed chat request ended and what it produced, as <see cref="IChatStreamObserver.OnEndAsync"/> sees it.</summary>
public sealed class ChatStreamCompletion
{
    /// <summary>Gets the request as it started.</summary>
    public required ChatStreamStart Start { get; init; }

    /// <summary>Gets how the stream ended.</summary>
    public required ChatStreamTermination Termination { get; init; }

    /// <summary>Gets the answer text streamed so far (the whole answer when <see cref="Termination"/> is <see cref="ChatStreamTermination.Done"/>).</summary>
    public required string Text { get; init; }

    /// <summary>Gets the reasoning text streamed so far; empty when there was none.</summary>
    public required string Reasoning { get; init; }

    /// <summary>Gets the provider id.</summary>
    public required string ProviderId { get; init; }

    /// <summary>Gets the model, as the provider reported it when it did, else as requested.</summary>
    public string? Model { get; init; }

    /// <summary>Gets the provider's last usage report, if any.</summary>
    public ChatUsage? Usage { get; init; }

    /// <summary>Gets the time from the request to the first content, reasoning or tool call; <see langword="null"/> when none came.</summary>
    public TimeSpan? TimeToFirstToken { get; init; }

    /// <summary>Gets the time from the request to the end.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>Gets the reasoning time: from the first reasoning to the first answer text (or the end); <see langword="null"/> without reasoning.</summary>
    public TimeSpan? ReasoningDuration { get; init; }

    /// <summary>Gets the finish reason the provider gave; <see langword="null"/> when it gave none (an error or a disconnect).</summary>
    public ChatFinishReason? FinishReason { get; init; }

    /// <summary>Gets the <c>error</c> event's code (<c>provider_error</c>, <c>timeout</c>, ...) when <see cref="Termination"/> is <see cref="ChatStreamTermination.Error"/>.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>Gets the <c>error</c> event's message (safe to show and store: no keys, no stack traces).</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>Gets whether the client stopped or disconnected before the end, so <see cref="Text"/> is partial.</summary>
    public bool Stopped => Termination == ChatStreamTermination.Disconnected;
}
