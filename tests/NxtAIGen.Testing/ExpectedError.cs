namespace NxtAIGen.Testing;

/// <summary>An in-stream error as a fixture's <c>expected.json</c> states it.</summary>
/// <param name="Type">The provider's error type or code.</param>
/// <param name="Message">The provider's message.</param>
public sealed record ExpectedError(string? Type, string? Message);
