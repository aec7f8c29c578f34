using NxtAIGen.Abstractions;

namespace NxtAIGen.Testing;

/// <summary>A provider's chunk sequence (and terminal exception) folded into the normalised shape of <see cref="ExpectedStreamResult"/>.</summary>
public sealed class StreamResult
{
    /// <summary>Gets every chunk, in order.</summary>
    public required IReadOnlyList<ChatChunk> Chunks { get; init; }

    /// <summary>Gets the text chunks, concatenated.</summary>
    public required string Text { get; init; }

    /// <summary>Gets the reasoning chunks, concatenated.</summary>
    public required string Reasoning { get; init; }

    /// <summary>Gets the refusal chunks, concatenated.</summary>
    public required string Refusal { get; init; }

    /// <summary>Gets the tool calls, in order.</summary>
    public required IReadOnlyList<ChatToolCall> ToolCalls { get; init; }

    /// <summary>Gets the last usage chunk's counts.</summary>
    public ChatUsage? Usage { get; init; }

    /// <summary>Gets the metadata chunks, in order.</summary>
    public required IReadOnlyList<ChatResponseMetadata> Metadata { get; init; }

    /// <summary>Gets the finish chunk's raw reason.</summary>
    public string? FinishReason { get; init; }

    /// <summary>Gets the finish chunk's unified reason, or <see langword="null"/> when there was no finish chunk.</summary>
    public ChatFinishReason? UnifiedFinishReason { get; init; }

    /// <summary>Gets how many finish chunks were seen (a correct stream has exactly one, or none when it failed).</summary>
    public int FinishCount { get; init; }

    /// <summary>Gets whether the finish chunk, if any, was the last chunk.</summary>
    public bool FinishIsLast { get; init; }

    /// <summary>Gets the exception that ended the stream, or <see langword="null"/>.</summary>
    public Exception? Error { get; init; }

    /// <summary>Gets <see cref="Error"/> as a provider exception.</summary>
    public NxtAIGenProviderException? ProviderError => Error as NxtAIGenProviderException;
}
