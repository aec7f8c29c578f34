using System.Text.Json;
using Microsoft.AspNetCore.Http;
using NxtAIGen.AspNetCore.Quotas;

namespace NxtAIGen.AspNetCore.Endpoints;

/// <summary>
/// <c>GET {prefix}/limits</c>: the caller's quota, read-only. <c>{kind, plan?, limits, usage, remaining, reset_at}</c>,
/// each an object by window name: guests <c>guest</c> (and <c>ip</c> with a per-IP ceiling), users <c>hourly</c>,
/// <c>daily</c>, <c>monthly</c>. Unlimited windows have limit and remaining -1.
/// </summary>
internal static class LimitsEndpoint
{
    public static async Task HandleAsync(HttpContext context, ICallerResolver callers, IChatQuotaGate quota)
    {
        var caller = await callers.ResolveAsync(context).ConfigureAwait(false);
        var status = await quota.GetStatusAsync(context, caller, context.RequestAborted).ConfigureAwait(false);
        var response = context.Response;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        var json = new Utf8JsonWriter(response.BodyWriter);
        await using (json.ConfigureAwait(false))
        {
            json.WriteStartObject();
            json.WriteString("kind"u8, status.Kind == ChatCallerKind.User ? "user" : "guest");
            if (status.Plan is not null)
            {
                json.WriteString("plan"u8, status.Plan);
            }

            WriteMap(json, "limits", status.Windows, static (j, w) => j.WriteNumberValue(w.Limit));
            WriteMap(json, "usage", status.Windows, static (j, w) => j.WriteNumberValue(w.Used));
            WriteMap(json, "remaining", status.Windows, static (j, w) => j.WriteNumberValue(w.Remaining));
            WriteMap(json, "reset_at", status.Windows, static (j, w) => j.WriteStringValue(w.ResetAt));
            json.WriteEndObject();
        }

        await response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private static void WriteMap(Utf8JsonWriter json, string name, IReadOnlyList<QuotaWindowUsage> windows, Action<Utf8JsonWriter, QuotaWindowUsage> value)
    {
        json.WriteStartObject(name);
        foreach (var window in windows)
        {
            json.WritePropertyName(window.Name);
            value(json, window);
        }

        json.WriteEndObject();
    }
}
