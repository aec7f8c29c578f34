namespace NxtAIGen.Abstractions;

/// <summary>What a <see cref="ChatChunk"/> carries.</summary>
public enum ChatChunkKind
{
    /// <summary>A piece of answer text: <see cref="ChatChunk.Text"/>.</summary>
    Text,

    /// <summary>A piece of reasoning text: <see cref="ChatChunk.Text"/>.</summary>
    Reasoning,

    /// <summary>The signature that closes a reasoning block: <see cref="ChatChunk.Text"/>.</summary>
    ReasoningSignature,

    /// <summary>Encrypted reasoning the provider did not show: <see cref="ChatChunk.Text"/> holds its opaque data.</summary>
    RedactedReasoning,

    /// <summary>A refusal message the model gave instead of an answer: <see cref="ChatChunk.Text"/>.</summary>
    Refusal,

    /// <summary>One complete tool call, assembled from the provider's fragments: <see cref="ChatChunk.ToolCall"/>.</summary>
    ToolCall,

    /// <summary>Token counts: <see cref="ChatChunk.Usage"/>. May come more than once; the last one wins.</summary>
    Usage,

    /// <summary>The response's id, model or citations: <see cref="ChatChunk.Metadata"/>.</summary>
    Metadata,

    /// <summary>Why generation ended: <see cref="ChatChunk.FinishReason"/> and <see cref="ChatChunk.Text"/> (the provider's own value). Always the last chunk of a complete stream.</summary>
    Finish,
}
