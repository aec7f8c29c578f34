using System.Text;
using NxtAIGen.Abstractions;

namespace NxtAIGen.Testing;

/// <summary>Folds chunk sequences into <see cref="StreamResult"/>s.</summary>
public static class StreamFolder
{
    /// <summary>Folds chunks that were already collected.</summary>
    /// <param name="chunks">The chunks, in order.</param>
    /// <param name="error">The exception that ended the stream, if any.</param>
    /// <returns>The folded result.</returns>
    public static StreamResult Fold(IEnumerable<ChatChunk> chunks, Exception? error = null)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        var list = chunks.ToList();
        var text = new StringBuilder();
        var reasoning = new StringBuilder();
        var refusal = new StringBuilder();
        var calls = new List<ChatToolCall>();
        var metadata = new List<ChatResponseMetadata>();
        ChatUsage? usage = null;
        string? finishReason = null;
        ChatFinishReason? unified = null;
        var finishCount = 0;
        foreach (var chunk in list)
        {
            switch (chunk.Kind)
            {
                case ChatChunkKind.Text:
                    text.Append(chunk.Text);
                    break;
                case ChatChunkKind.Reasoning:
                    reasoning.Append(chunk.Text);
                    break;
                case ChatChunkKind.Refusal:
                    refusal.Append(chunk.Text);
                    break;
                case ChatChunkKind.ToolCall:
                    calls.Add(chunk.ToolCall!);
                    break;
                case ChatChunkKind.Usage:
                    usage = chunk.Usage;
                    break;
                case ChatChunkKind.Metadata:
                    metadata.Add(chunk.Metadata!);
                    break;
                case ChatChunkKind.Finish:
                    finishCount++;
                    finishReason = chunk.Text;
                    unified = chunk.FinishReason;
                    break;
            }
        }

        return new StreamResult
        {
            Chunks = list,
            Text = text.ToString(),
            Reasoning = reasoning.ToString(),
            Refusal = refusal.ToString(),
            ToolCalls = calls,
            Usage = usage,
            Metadata = metadata,
            FinishReason = finishReason,
            UnifiedFinishReason = unified,
            FinishCount = finishCount,
            FinishIsLast = finishCount == 0 || list[^1].Kind == ChatChunkKind.Finish,
            Error = error,
        };
    }

    /// <summary>
    /// Reads a stream to its end and folds it. A <see cref="NxtAIGenProviderException"/> ends the fold and becomes
    /// <see cref="StreamResult.Error"/>; any other exception (including cancellation) propagates.
    /// </summary>
    /// <param name="stream">The provider's stream.</param>
    /// <param name="cancellationToken">Passed to the enumerator.</param>
    /// <returns>The folded result.</returns>
    public static async Task<StreamResult> CollectAsync(IAsyncEnumerable<ChatChunk> stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var chunks = new List<ChatChunk>();
        try
        {
            await foreach (var chunk in stream.WithCancellation(cancellationToken))
            {
                chunks.Add(chunk);
            }
        }
        catch (NxtAIGenProviderException ex)
        {
            return Fold(chunks, ex);
        }

        return Fold(chunks);
    }

    /// <summary>Reads a stream to its end; every exception propagates.</summary>
    /// <param name="stream">The provider's stream.</param>
    /// <param name="cancellationToken">Passed to the enumerator.</param>
    /// <returns>The chunks.</returns>
    public static async Task<List<ChatChunk>> ReadAllAsync(IAsyncEnumerable<ChatChunk> stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var chunks = new List<ChatChunk>();
        await foreach (var chunk in stream.WithCancellation(cancellationToken))
        {
            chunks.Add(chunk);
        }

        return chunks;
    }
}
