using NxtAIGen.Abstractions;

namespace NxtAIGen.AspNetCore.Streaming;

/// <summary>
/// A provider stream that got as far as its first content (or its end): the chunks that came before it, and the
/// enumerator positioned on the first content chunk unless <see cref="Ended"/>.
/// </summary>
internal sealed record OpenedStream(IAsyncEnumerator<ChatChunk> Enumerator, IReadOnlyList<ChatChunk> Leading, bool Ended);
