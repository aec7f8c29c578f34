using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace NxtAIGen.AspNetCore;

/// <summary>
/// Checks the guardrail options (<c>NxtAIGen:Guest</c>, <c>NxtAIGen:Plans</c>, <c>NxtAIGen:RateLimiting</c>,
/// <c>NxtAIGen:UsageLog</c>) at start-up, naming the configuration key that is wrong.
/// </summary>
internal sealed partial class NxtAIGenQuotaOptionsValidator : IValidateOptions<NxtAIGenOptions>
{
    private const int MaxPlanLimit = 1_000_000_000;

    public ValidateOptionsResult Validate(string? name, NxtAIGenOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var g = options.Guest;
        Check(failures, "NxtAIGen:Guest:Limit", g.Limit, 0, 1_000_000);
        Check(failures, "NxtAIGen:Guest:Window", g.Window, TimeSpan.FromMinutes(1), TimeSpan.FromDays(366));
        Check(failures, "NxtAIGen:Guest:PerIpLimit", g.PerIpLimit, 0, 1_000_000);
        Check(failures, "NxtAIGen:Guest:CookieLifetime", g.CookieLifetime, TimeSpan.FromHours(1), TimeSpan.FromDays(3650));
        if (g.CookieName is null || !CookieName().IsMatch(g.CookieName))
        {
            failures.Add($"NxtAIGen:Guest:CookieName is '{g.CookieName}'; it must be 1 to 64 letters, digits, '_', '-' or '.'.");
        }

        var p = options.Plans;
        foreach (var (plan, limits) in p.Definitions)
        {
            if (limits is null)
            {
                failures.Add($"NxtAIGen:Plans:Definitions:{plan} has no limits.");
                continue;
            }

            CheckPlanLimit(failures, $"NxtAIGen:Plans:Definitions:{plan}:Hourly", limits.Hourly);
            CheckPlanLimit(failures, $"NxtAIGen:Plans:Definitions:{plan}:Daily", limits.Daily);
            CheckPlanLimit(failures, $"NxtAIGen:Plans:Definitions:{plan}:Monthly", limits.Monthly);
        }

        if (string.IsNullOrWhiteSpace(p.DefaultPlan) || !p.Definitions.ContainsKey(p.DefaultPlan))
        {
            failures.Add($"NxtAIGen:Plans:DefaultPlan is '{p.DefaultPlan}'; it must name a plan of NxtAIGen:Plans:Definitions ({string.Join(", ", p.Definitions.Keys)}).");
        }

        if (string.IsNullOrWhiteSpace(p.PlanClaimType))
        {
            failures.Add("NxtAIGen:Plans:PlanClaimType must not be empty.");
        }

        if (!TryFindTimeZone(p.TimeZone, out _))
        {
            failures.Add($"NxtAIGen:Plans:TimeZone is '{p.TimeZone}'; it must be a time zone id such as 'UTC' or 'Europe/Berlin'.");
        }

        var r = options.RateLimiting;
        Check(failures, "NxtAIGen:RateLimiting:TokensPerPeriod", r.TokensPerPeriod, 1, 100_000);
        Check(failures, "NxtAIGen:RateLimiting:Period", r.Period, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        Check(failures, "NxtAIGen:RateLimiting:BurstLimit", r.BurstLimit, 1, 100_000);
        Check(failures, "NxtAIGen:RateLimiting:MaxConcurrentStreams", r.MaxConcurrentStreams, 1, 10_000);
        if (r.BurstLimit < r.TokensPerPeriod)
        {
            failures.Add($"NxtAIGen:RateLimiting:BurstLimit is {r.BurstLimit}; it must be at least NxtAIGen:RateLimiting:TokensPerPeriod ({r.TokensPerPeriod}).");
        }

        Check(failures, "NxtAIGen:UsageLog:Capacity", options.UsageLog.Capacity, 0, 10_000_000);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static bool TryFindTimeZone(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out zone!);
    }

    private static void CheckPlanLimit(List<string> failures, string key, int value)
    {
        if (value != PlanLimits.Unlimited && (value < 1 || value > MaxPlanLimit))
        {
            failures.Add($"{key} is {value}; it must be -1 (unlimited) or between 1 and {MaxPlanLimit}.");
        }
    }

    private static void Check<T>(List<string> failures, string key, T value, T min, T max)
        where T : IComparable<T>
    {
        if (value.CompareTo(min) < 0 || value.CompareTo(max) > 0)
        {
            failures.Add($"{key} is {value}; it must be between {min} and {max}.");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex CookieName();
}
