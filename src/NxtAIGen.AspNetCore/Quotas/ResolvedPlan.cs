namespace NxtAIGen.AspNetCore.Quotas;

/// <summary>The plan that applies to a user now, and its limits.</summary>
internal sealed record ResolvedPlan(string Name, PlanLimits Limits);
