using System.Text.Json;
using NxtAIGen.Providers.OpenAI.Internal.Wire;

namespace NxtAIGen.Providers.OpenAI.Internal;

/// <summary>One parsed SSE event: the <c>[DONE]</c> sentinel, a chunk, malformed JSON, or nothing (an empty <c>data:</c>).</summary>
/// <param name="IsDone">Whether the event was <c>[DONE]</c>.</param>
/// <param name="Chunk">The chunk, when the event carried one.</param>
/// <param name="Malformed">The parse failure, when the data was not valid JSON (a body cut inside its last event).</param>
internal readonly record struct OpenAIStreamEvent(bool IsDone, OpenAIChatCompletionChunk? Chunk, JsonException? Malformed = null);
