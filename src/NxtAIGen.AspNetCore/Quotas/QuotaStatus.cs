namespace NxtAIGen.AspNetCore.Quotas;

/// <summary>A caller's quota windows as they stand.</summary>
internal sealed record QuotaStatus(ChatCallerKind Kind, string? Plan, IReadOnlyList<QuotaWindowUsage> Windows);
