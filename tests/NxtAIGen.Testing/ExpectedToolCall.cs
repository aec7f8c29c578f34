using System.Text.Json;

namespace NxtAIGen.Testing;

/// <summary>A tool call as a fixture's <c>expected.json</c> states it.</summary>
/// <param name="Id">The call id, or <see langword="null"/> when the provider sends none (Gemini, Ollama).</param>
/// <param name="Name">The function name.</param>
/// <param name="Arguments">The parsed arguments, or <see langword="null"/> when the fragments were not valid JSON.</param>
/// <param name="ArgumentsRaw">The raw argument text when <paramref name="Arguments"/> is <see langword="null"/>.</param>
public sealed record ExpectedToolCall(string? Id, string Name, JsonElement? Arguments, string? ArgumentsRaw);
