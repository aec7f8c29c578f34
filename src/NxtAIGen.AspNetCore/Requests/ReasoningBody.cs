namespace NxtAIGen.AspNetCore.Requests;

/// <summary>The <c>reasoning</c> member of a chat request body.</summary>
internal sealed class ReasoningBody
{
    public string? Effort { get; set; }

    public int? BudgetTokens { get; set; }
}
