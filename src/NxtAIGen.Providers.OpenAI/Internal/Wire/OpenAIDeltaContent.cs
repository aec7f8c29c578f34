namespace NxtAIGen.Providers.OpenAI.Internal.Wire;

/// <summary>The text and thinking carried by <c>delta.content</c>.</summary>
/// <param name="Text">Answer text.</param>
/// <param name="Thinking">Reasoning text from Mistral <c>thinking</c> blocks.</param>
internal readonly record struct OpenAIDeltaContent(string? Text, string? Thinking);
