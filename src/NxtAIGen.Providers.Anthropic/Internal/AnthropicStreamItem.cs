using System.Text.Json;
using NxtAIGen.Providers.Anthropic.Internal.Wire;

namespace NxtAIGen.Providers.Anthropic.Internal;

/// <summary>One parsed SSE event: its payload, or the JSON failure of a payload that could not be read.</summary>
/// <param name="Type">The payload's <c>type</c>, else the SSE <c>event:</c> name.</param>
/// <param name="Event">The payload, when it was valid JSON.</param>
/// <param name="Malformed">The parse failure, when the data was not valid JSON (a body cut inside its last event).</param>
/// <param name="Text">The text of a plain <c>text_delta</c> event read by <see cref="AnthropicTextDeltaReader"/> (then
/// <paramref name="Event"/> is <see langword="null"/>).</param>
internal readonly record struct AnthropicStreamItem(string Type, AnthropicStreamEvent? Event, JsonException? Malformed = null, string? Text = null);
