using System.Text.Json;
using NxtAIGen.Providers.Cohere.Internal.Wire;

namespace NxtAIGen.Providers.Cohere.Internal;

/// <summary>One parsed SSE event: its name and payload, malformed JSON, or nothing (an empty <c>data:</c>).</summary>
/// <param name="EventType">The SSE <c>event:</c> name (<c>message</c> when absent).</param>
/// <param name="Payload">The payload, when the event carried one.</param>
/// <param name="Malformed">The parse failure, when the data was not valid JSON (a body cut inside its last event).</param>
/// <param name="Text">The text of a plain <c>content-delta</c> event read by <see cref="CohereTextDeltaReader"/> (then
/// <paramref name="Payload"/> is <see langword="null"/>).</param>
internal readonly record struct CohereStreamEvent(string EventType, CohereStreamPayload? Payload, JsonException? Malformed = null, string? Text = null);
