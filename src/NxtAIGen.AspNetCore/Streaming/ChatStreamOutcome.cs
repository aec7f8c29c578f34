using System.Text;
using NxtAIGen.Abstractions;

namespace NxtAIGen.AspNetCore.Streaming;

/// <summary>How one streamed generation ended: what quota accounting, usage logs and conversation stores need.</summary>
internal sealed class ChatStreamOutcome
{
    /// <summary>Gets or sets the terminal state.</summary>
    public ChatStreamEnd End { get; set; }

    /// <summary>Gets or sets the <c>error</c> event's code, when <see cref="End"/> is <see cref="ChatStreamEnd.Error"/>.</summary>
    public string? ErrorCode { get; set; }

    /// <summary>Gets or sets the unified finish reason.</summary>
    public ChatFinishReason FinishReason { get; set; } = ChatFinishReason.Stop;

    /// <summary>Gets or sets the provider's last usage report.</summary>
    public ChatUsage? Usage { get; set; }

    /// <summary>Gets or sets the id of the provider that answered (a fallback when the requested one failed before any content).</summary>
    public string Provider { get; set; } = string.Empty;

    /// <summary>Gets or sets the model that answered, as the provider reported it.</summary>
    public string? Model { get; set; }

    /// <summary>Gets or sets whether the provider sent its finish chunk.</summary>
    public bool SawFinish { get; set; }

    /// <summary>Gets or sets whether any content, reasoning or tool call reached the client.</summary>
    public bool ProducedContent { get; set; }

    /// <summary>Gets or sets the time from the request to the first content.</summary>
    public TimeSpan? TimeToFirstToken { get; set; }

    /// <summary>Gets or sets the time from the request to the end.</summary>
    public TimeSpan Elapsed { get; set; }

    /// <summary>Gets or sets the <c>error</c> event's message.</summary>
    public string? ErrorMessage { get; set; }

    /// <summary>Gets the answer text, collected only when observers need it (else <see langword="null"/>).</summary>
    public StringBuilder? Text { get; init; }

    /// <summary>Gets the reasoning text, collected only when observers need it.</summary>
    public StringBuilder? Reasoning { get; init; }

    /// <summary>Gets or sets the time from the request to the first reasoning.</summary>
    public TimeSpan? FirstReasoningAt { get; set; }

    /// <summary>Gets or sets the time from the request to the first answer text after reasoning.</summary>
    public TimeSpan? FirstTextAt { get; set; }
}
