namespace ChatServer.Admin;

/// <summary>The body of <c>GET /api/admin/usage</c>.</summary>
internal sealed record UsageDashboard(UsageTotals Totals, List<UsageDay> ByDay, List<UsageByProvider> ByProvider);

/// <summary>Request, token and error counts.</summary>
internal sealed record UsageTotals(int Requests, long InputTokens, long OutputTokens, int Errors);

/// <summary>The counts of one UTC day (<c>yyyy-MM-dd</c>).</summary>
internal sealed record UsageDay(string Day, int Requests, long InputTokens, long OutputTokens, int Errors);

/// <summary>The counts of one provider.</summary>
internal sealed record UsageByProvider(string Provider, int Requests, long InputTokens, long OutputTokens, int Errors);
