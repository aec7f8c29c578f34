namespace NxtAIGen.Testing;

/// <summary>Token counts as a fixture's <c>expected.json</c> states them.</summary>
/// <param name="InputTokens">Prompt tokens.</param>
/// <param name="OutputTokens">Generated tokens.</param>
/// <param name="ReasoningTokens">Reasoning tokens, or <see langword="null"/> when the provider does not report them.</param>
public sealed record ExpectedUsage(int? InputTokens, int? OutputTokens, int? ReasoningTokens);
