namespace NxtAIGen.Abstractions;

/// <summary>How much a reasoning model should think, and whether its reasoning is returned.</summary>
public sealed record ChatReasoningOptions
{
    /// <summary>Gets the effort level; providers with token budgets map it to a budget.</summary>
    public ChatReasoningEffort? Effort { get; init; }

    /// <summary>Gets an explicit reasoning token budget; providers with effort levels map it to a level.</summary>
    public int? BudgetTokens { get; init; }

    /// <summary>Gets whether reasoning text (or its summary) should be streamed back. Default <see langword="true"/>.</summary>
    public bool IncludeReasoning { get; init; } = true;

    /// <summary>Gets the token budget to use for <see cref="Effort"/> when a provider needs a number: minimal 1024, low 2048, medium 8192, high 24576.</summary>
    /// <returns>The explicit <see cref="BudgetTokens"/>, else the budget for the effort, else <see langword="null"/>.</returns>
    public int? ResolveBudgetTokens() => BudgetTokens ?? Effort switch
    {
        ChatReasoningEffort.Minimal => 1024,
        ChatReasoningEffort.Low => 2048,
        ChatReasoningEffort.Medium => 8192,
        ChatReasoningEffort.High => 24576,
        _ => null,
    };

    /// <summary>Gets the effort to use when a provider needs a level: the explicit <see cref="Effort"/>, else one derived from <see cref="BudgetTokens"/>.</summary>
    /// <returns>The effort, or <see langword="null"/> when neither is set.</returns>
    public ChatReasoningEffort? ResolveEffort() => Effort ?? BudgetTokens switch
    {
        null => null,
        <= 1024 => ChatReasoningEffort.Minimal,
        <= 4096 => ChatReasoningEffort.Low,
        <= 16384 => ChatReasoningEffort.Medium,
        _ => ChatReasoningEffort.High,
    };
}
