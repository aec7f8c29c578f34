using Microsoft.Extensions.Options;

namespace NxtAIGen.AspNetCore;

/// <summary>Checks <see cref="NxtAIGenOptions"/> at start-up, naming the configuration key that is out of range.</summary>
internal sealed class NxtAIGenOptionsValidator : IValidateOptions<NxtAIGenOptions>
{
    public ValidateOptionsResult Validate(string? name, NxtAIGenOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var s = options.Streaming;
        Check(failures, "NxtAIGen:Streaming:HeartbeatInterval", s.HeartbeatInterval, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        Check(failures, "NxtAIGen:Streaming:IdleTimeout", s.IdleTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        Check(failures, "NxtAIGen:Streaming:Retry:MaxAttempts", s.Retry.MaxAttempts, 1, 10);
        Check(failures, "NxtAIGen:Streaming:Retry:BaseDelay", s.Retry.BaseDelay, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        Check(failures, "NxtAIGen:Streaming:Retry:MaxDelay", s.Retry.MaxDelay, TimeSpan.Zero, TimeSpan.FromMinutes(10));
        Check(failures, "NxtAIGen:Streaming:Retry:MaxRetryAfter", s.Retry.MaxRetryAfter, TimeSpan.Zero, TimeSpan.FromMinutes(10));
        Check(failures, "NxtAIGen:Streaming:Resume:GracePeriod", s.Resume.GracePeriod, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        Check(failures, "NxtAIGen:Streaming:Resume:BufferLifetime", s.Resume.BufferLifetime, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        Check(failures, "NxtAIGen:Streaming:Resume:MaxBufferedEvents", s.Resume.MaxBufferedEvents, 16, 1_000_000);
        var r = options.Requests;
        Check(failures, "NxtAIGen:Requests:MaxRequestBytes", r.MaxRequestBytes, 1024, 1L << 30);
        Check(failures, "NxtAIGen:Requests:MaxMessages", r.MaxMessages, 1, 10_000);
        Check(failures, "NxtAIGen:Requests:MaxFiles", r.MaxFiles, 0, 100);
        Check(failures, "NxtAIGen:Requests:MaxFileBytes", r.MaxFileBytes, 1024, 512L << 20);
        Check(failures, "NxtAIGen:Requests:MaxDocumentChars", r.MaxDocumentChars, 1000, 10_000_000);
        if (r.MaxHistoryTokens is { } historyTokens)
        {
            Check(failures, "NxtAIGen:Requests:MaxHistoryTokens", historyTokens, 100, 10_000_000);
        }

        var g = options.Gateway;
        Check(failures, "NxtAIGen:Gateway:MaxTokensPerUser", g.MaxTokensPerUser, 1, 1000);
        Check(failures, "NxtAIGen:Gateway:LastUsedResolution", g.LastUsedResolution, TimeSpan.Zero, TimeSpan.FromDays(1));
        for (var i = 0; i < g.Keys.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(g.Keys[i]) || g.Keys[i].Trim().Length < 16)
            {
                failures.Add($"NxtAIGen:Gateway:Keys:{i} must be at least 16 characters (use a long random key).");
            }
        }

        if (g.KeyPlan is { } keyPlan && !options.Plans.Definitions.ContainsKey(keyPlan))
        {
            failures.Add($"NxtAIGen:Gateway:KeyPlan names the plan '{keyPlan}', which NxtAIGen:Plans:Definitions does not define.");
        }

        Check(failures, "NxtAIGen:ModelListCacheDuration", options.ModelListCacheDuration, TimeSpan.Zero, TimeSpan.FromDays(1));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check<T>(List<string> failures, string key, T value, T min, T max)
        where T : IComparable<T>
    {
        if (value.CompareTo(min) < 0 || value.CompareTo(max) > 0)
        {
            failures.Add($"{key} is {value}; it must be between {min} and {max}.");
        }
    }
}
