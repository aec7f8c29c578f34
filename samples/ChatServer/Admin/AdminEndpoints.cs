using System.Globalization;
using ChatServer.Accounts;
using ChatServer.Data;
using ChatServer.Http;
using ChatServer.Options;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NxtAIGen.Abstractions;
using NxtAIGen.AspNetCore;
using NxtAIGen.Storage.EntityFrameworkCore;

namespace ChatServer.Admin;

/// <summary>
/// <c>/api/admin/...</c> (admins only): provider and model switches, plans and per-user overrides, accounts and the
/// usage dashboard. Server-wide keys are NxtAIGen's own <c>/api/admin/keys</c>, behind the same admin policy.
/// </summary>
internal static class AdminEndpoints
{
    private static readonly HashSet<string> NotErrors = new(StringComparer.Ordinal) { "done", "canceled", "guest_limit", "rate_limited" };

    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapGet("/providers", ProvidersAsync);
        admin.MapPut("/providers/{id}", PutProviderAsync);
        admin.MapGet("/plans", Plans);
        admin.MapGet("/users", UsersAsync);
        admin.MapPut("/users/{id}/plan", PutPlanAsync);
        admin.MapGet("/usage", UsageAsync);
    }

    private static async Task<IResult> ProvidersAsync(HttpContext context, IChatProviderRegistry registry, ProviderSwitches switches, IApiKeyStore keys)
    {
        var settings = await switches.GetAsync(context.RequestAborted);
        var serverKeys = (await keys.ListAsync(ApiKeyOwner.Server, context.RequestAborted)).Select(k => k.ProviderId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var items = registry.Providers.Select(p => ToResponse(p, settings.GetValueOrDefault(p.Id), serverKeys)).ToList();
        return TypedResults.Json(items, ChatServerJsonContext.Default.ListAdminProviderResponse);
    }

    private static async Task<IResult> PutProviderAsync(
        string id,
        HttpContext context,
        IChatProviderRegistry registry,
        ChatDbContext db,
        ProviderSwitches switches,
        IApiKeyStore keys)
    {
        var (body, problem) = await JsonBody.ReadAsync(context, ChatServerJsonContext.Default.AdminProviderBody);
        if (problem is not null)
        {
            return problem;
        }

        if (!registry.TryGetDescriptor(id, out var descriptor))
        {
            return Problems.Of(StatusCodes.Status404NotFound, "unknown_provider", $"Unknown provider '{id}'.");
        }

        if (body is null || (body.Enabled is null && body.DisabledModels is null))
        {
            return Problems.Invalid("Send {\"enabled\": true|false} and/or {\"disabled_models\": [...]}.");
        }

        if (body.DisabledModels is { } models && (models.Count > 1000 || models.Any(m => string.IsNullOrWhiteSpace(m) || m.Length > 128 || m.Contains('\n', StringComparison.Ordinal))))
        {
            return Problems.Invalid("'disabled_models' takes at most 1000 model ids of 1 to 128 characters.");
        }

        var setting = await db.ProviderSettings.FirstOrDefaultAsync(s => s.ProviderId == descriptor.Id, context.RequestAborted);
        if (setting is null)
        {
            setting = new ProviderSetting { ProviderId = descriptor.Id };
            db.ProviderSettings.Add(setting);
        }

        if (body.Enabled is { } enabled)
        {
            setting.Enabled = enabled;
        }

        if (body.DisabledModels is { } disabled)
        {
            setting.DisabledModels = string.Join('\n', disabled.Select(m => m.Trim()).Distinct(StringComparer.OrdinalIgnoreCase));
        }

        await db.SaveChangesAsync(context.RequestAborted);
        switches.Invalidate();
        var serverKeys = (await keys.ListAsync(ApiKeyOwner.Server, context.RequestAborted)).Select(k => k.ProviderId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return TypedResults.Json(ToResponse(descriptor, setting, serverKeys), ChatServerJsonContext.Default.AdminProviderResponse);
    }

    private static JsonHttpResult<List<PlanResponse>> Plans(IOptionsMonitor<NxtAIGenOptions> options) =>
        TypedResults.Json(
            options.CurrentValue.Plans.Definitions.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new PlanResponse(p.Key, p.Value.Hourly, p.Value.Daily, p.Value.Monthly)).ToList(),
            ChatServerJsonContext.Default.ListPlanResponse);

    private static async Task<IResult> UsersAsync(
        HttpContext context,
        ChatDbContext db,
        IUserPlanStore plans,
        IOptionsMonitor<NxtAIGenOptions> nxtOptions,
        IOptionsMonitor<ChatServerOptions> chatOptions,
        TimeProvider time,
        string? q)
    {
        var cancellationToken = context.RequestAborted;
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToUpperInvariant();
            query = query.Where(u => (u.NormalizedEmail != null && u.NormalizedEmail.Contains(term)) || (u.NormalizedUserName != null && u.NormalizedUserName.Contains(term)));
        }

        var users = await query.OrderBy(u => u.CreatedAt).ThenBy(u => u.Id).Take(500).ToListAsync(cancellationToken);
        var firstId = await db.Users.AsNoTracking().OrderBy(u => u.CreatedAt).ThenBy(u => u.Id).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
        var admins = chatOptions.CurrentValue.Admins.Select(a => a.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var now = time.GetUtcNow();
        var items = new List<AdminUserResponse>(users.Count);
        foreach (var user in users)
        {
            var custom = await plans.GetAsync(user.Id, cancellationToken);
            items.Add(new AdminUserResponse(
                user.Id,
                user.Email,
                user.Id == firstId || (user.Email is not null && admins.Contains(user.Email)),
                EffectivePlan(custom, nxtOptions.CurrentValue.Plans),
                custom is null ? null : new PlanOverrideBody(custom.Plan, custom.Limits?.Hourly, custom.Limits?.Daily, custom.Limits?.Monthly),
                user.LockoutEnd is { } end && end > now,
                ConversationsUtc(user.CreatedAt)));
        }

        return TypedResults.Json(items, ChatServerJsonContext.Default.ListAdminUserResponse);
    }

    private static async Task<IResult> PutPlanAsync(
        string id,
        HttpContext context,
        ChatDbContext db,
        IUserPlanStore plans,
        IOptionsMonitor<NxtAIGenOptions> options)
    {
        var (body, problem) = await JsonBody.ReadAsync(context, ChatServerJsonContext.Default.PlanOverrideBody);
        if (problem is not null)
        {
            return problem;
        }

        var cancellationToken = context.RequestAborted;
        if (!await db.Users.AnyAsync(u => u.Id == id, cancellationToken))
        {
            return Problems.NotFound("No such user.");
        }

        var definitions = options.CurrentValue.Plans.Definitions;
        body ??= new PlanOverrideBody(null, null, null, null);
        var plan = string.IsNullOrWhiteSpace(body.Plan) ? null : body.Plan.Trim();
        var custom = body.Hourly is not null || body.Daily is not null || body.Monthly is not null;
        if (plan is null && !custom)
        {
            await plans.SetAsync(id, null, cancellationToken);
            return TypedResults.NoContent();
        }

        if (!custom && !definitions.ContainsKey(plan!))
        {
            return Problems.Invalid($"Unknown plan '{plan}'. Plans: {string.Join(", ", definitions.Keys.Order(StringComparer.Ordinal))}.");
        }

        if (new[] { body.Hourly, body.Daily, body.Monthly }.Any(v => v is { } n && n != PlanLimits.Unlimited && n is < 1 or > 1_000_000_000))
        {
            return Problems.Invalid("Limits are -1 (unlimited) or 1 to 1000000000.");
        }

        PlanLimits? limits = null;
        if (custom)
        {
            var basis = plan is not null && definitions.TryGetValue(plan, out var named) ? named : definitions[options.CurrentValue.Plans.DefaultPlan];
            limits = new PlanLimits { Hourly = body.Hourly ?? basis.Hourly, Daily = body.Daily ?? basis.Daily, Monthly = body.Monthly ?? basis.Monthly };
        }

        var value = new UserPlanOverride { Plan = plan, Limits = limits };
        await plans.SetAsync(id, value, cancellationToken);
        return TypedResults.Json(new PlanOverrideBody(plan, limits?.Hourly, limits?.Daily, limits?.Monthly), ChatServerJsonContext.Default.PlanOverrideBody);
    }

    /// <summary>Requests, tokens and errors of the last <paramref name="days"/> UTC days (1 to 366, default 30), per day and per provider.</summary>
    private static async Task<IResult> UsageAsync(HttpContext context, IDbContextFactory<NxtAIGenDbContext> factory, TimeProvider time, int? days)
    {
        var span = Math.Clamp(days ?? 30, 1, 366);
        var today = time.GetUtcNow().UtcDateTime.Date;
        var since = today.AddDays(1 - span);
        var sinceTicks = new DateTimeOffset(since, TimeSpan.Zero).UtcTicks;
        await using var db = await factory.CreateDbContextAsync(context.RequestAborted);
        var rows = await db.UsageRecords.AsNoTracking()
            .Where(r => r.TimestampUtcTicks >= sinceTicks)
            .Select(r => new { r.TimestampUtcTicks, r.Provider, r.InputTokens, r.OutputTokens, r.Outcome })
            .ToListAsync(context.RequestAborted);

        var byDay = new List<UsageDay>(span);
        for (var d = since; d <= today; d = d.AddDays(1))
        {
            var start = new DateTimeOffset(d, TimeSpan.Zero).UtcTicks;
            var end = start + TimeSpan.TicksPerDay;
            var day = rows.Where(r => r.TimestampUtcTicks >= start && r.TimestampUtcTicks < end).ToList();
            byDay.Add(new UsageDay(
                d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                day.Count,
                day.Sum(r => (long)(r.InputTokens ?? 0)),
                day.Sum(r => (long)(r.OutputTokens ?? 0)),
                day.Count(r => !NotErrors.Contains(r.Outcome))));
        }

        var byProvider = rows.GroupBy(r => r.Provider, StringComparer.OrdinalIgnoreCase)
            .Select(g => new UsageByProvider(g.Key, g.Count(), g.Sum(r => (long)(r.InputTokens ?? 0)), g.Sum(r => (long)(r.OutputTokens ?? 0)), g.Count(r => !NotErrors.Contains(r.Outcome))))
            .OrderByDescending(p => p.Requests).ThenBy(p => p.Provider, StringComparer.Ordinal)
            .ToList();
        var totals = new UsageTotals(rows.Count, rows.Sum(r => (long)(r.InputTokens ?? 0)), rows.Sum(r => (long)(r.OutputTokens ?? 0)), rows.Count(r => !NotErrors.Contains(r.Outcome)));
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Json(new UsageDashboard(totals, byDay, byProvider), ChatServerJsonContext.Default.UsageDashboard);
    }

    private static AdminProviderResponse ToResponse(ChatProviderDescriptor p, ProviderSetting? setting, HashSet<string> serverKeys) => new(
        p.Id,
        p.Name,
        p.Enabled && (setting?.Enabled ?? true),
        p.Configured || serverKeys.Contains(p.Id),
        setting is null ? [] : ProviderSwitches.DisabledModels(setting));

    private static string EffectivePlan(UserPlanOverride? custom, NxtAIGenPlanOptions plans) => custom switch
    {
        { Limits: not null } => string.IsNullOrWhiteSpace(custom.Plan) ? "custom" : custom.Plan,
        { Plan: { } named } when plans.Definitions.ContainsKey(named) => named.ToLowerInvariant(),
        _ => plans.DefaultPlan.ToLowerInvariant(),
    };

    private static DateTimeOffset ConversationsUtc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
