using NxtAIGen.Providers.OpenAI.Internal.Wire;

namespace NxtAIGen.Providers.OpenAI.Internal;

/// <summary>One parsed SSE event: the <c>[DONE]</c> sentinel, a chunk, or nothing (an empty <c>data:</c>).</summary>
/// <param name="IsDone">Whether the event was <c>[DONE]</c>.</param>
/// <param name="Chunk">The chunk, when the event carried one.</param>
internal readonly record struct OpenAIStreamEvent(bool IsDone, OpenAIChatCompletionChunk? Chunk);
