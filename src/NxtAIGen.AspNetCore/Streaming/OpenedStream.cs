using NxtAIGen.Abstractions;

namespace NxtAIGen.AspNetCore.Streaming;

/// <summary>
/// A provider stream that got as far as its first content (or its end): the chunks that came before it, and the
/// enumerator positioned on the first content chunk unless <see cref="Ended"/>; <see cref="Candidate"/> says which
/// provider and model answer.
/// </summary>
internal sealed record OpenedStream(IAsyncEnumerator<ChatChunk> Enumerator, IReadOnlyList<ChatChunk> Leading, bool Ended)
{
    /// <summary>Gets the provider (and request) that answered.</summary>
    public StreamCandidate? Candidate { get; init; }
}
