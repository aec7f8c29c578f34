using System.Text.Json;

namespace NxtAIGen.Abstractions;

/// <summary>A complete tool call.</summary>
/// <param name="Id">The provider's call id (generated when the provider gives none).</param>
/// <param name="Name">The function name.</param>
/// <param name="Arguments">The arguments as JSON text: <c>{}</c> when the provider sent none. May be invalid JSON when the stream was cut by a token limit.</param>
public sealed record ChatToolCall(string Id, string Name, string Arguments)
{
    /// <summary>Gets the provider's opaque signature for this call (Gemini's <c>thoughtSignature</c>), to send back with it.</summary>
    public string? Signature { get; init; }

    /// <summary>Parses <see cref="Arguments"/>.</summary>
    /// <param name="arguments">The parsed arguments, when they are valid JSON.</param>
    /// <returns><see langword="true"/> when <see cref="Arguments"/> is valid JSON.</returns>
    public bool TryParseArguments(out JsonElement arguments)
    {
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(Arguments) ? "{}" : Arguments);
            arguments = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            arguments = default;
            return false;
        }
    }
}
