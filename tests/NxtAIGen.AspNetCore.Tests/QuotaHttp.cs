using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace NxtAIGen.AspNetCore.Tests;

/// <summary>Requests as a given guest (cookie, IP address) or user (with an optional plan claim), for the quota tests.</summary>
public static class QuotaHttp
{
    public const string CookieName = "nxtaigen_guest";

    public static async Task<HttpResponseMessage> ChatAsync(this TestApp app, string? cookie = null, string? ip = null, string? user = null, string? plan = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/chat/stream") { Content = JsonContent.Create(new { message = "hi" }, options: TestApp.Json) };
        Decorate(request, cookie, ip, user, plan);
        return await app.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    /// <summary>Sends a chat request and reads the whole answer; returns the status, the events and the issued cookie.</summary>
    public static async Task<(int Status, List<SseFrame> Events, JsonElement? Problem, string? Cookie)> ChatToEndAsync(this TestApp app, string? cookie = null, string? ip = null, string? user = null, string? plan = null)
    {
        using var response = await app.ChatAsync(cookie, ip, user, plan);
        var issued = IssuedCookie(response);
        if (response.Content.Headers.ContentType?.MediaType != "text/event-stream")
        {
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            return ((int)response.StatusCode, [], problem, issued);
        }

        await using var sse = new SseReader(await response.Content.ReadAsStreamAsync());
        var events = (await sse.ReadToEndAsync()).Where(f => !f.IsPing).ToList();
        return ((int)response.StatusCode, events, null, issued);
    }

    public static async Task<JsonElement> LimitsAsync(this TestApp app, string? cookie = null, string? ip = null, string? user = null, string? plan = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/limits");
        Decorate(request, cookie, ip, user, plan);
        using var response = await app.Client.SendAsync(request);
        Assert.Equal(200, (int)response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>The <c>name=value</c> of the guest cookie the response set, if any.</summary>
    public static string? IssuedCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0]).FirstOrDefault(v => v.StartsWith(CookieName + "=", StringComparison.Ordinal))
            : null;

    public static InMemoryUsageLog UsageLog(this TestApp app) => (InMemoryUsageLog)app.Services.GetRequiredService<IUsageLog>();

    /// <summary>Queues answers that finish at once.</summary>
    public static void QueueAnswers(this TestApp app, int count)
    {
        for (var i = 0; i < count; i++)
        {
            app.Provider.NextCall().Text("ok").Finish();
        }
    }

    private static void Decorate(HttpRequestMessage request, string? cookie, string? ip, string? user, string? plan)
    {
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        if (ip is not null)
        {
            request.Headers.Add(TestApp.IpHeader, ip);
        }

        if (user is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", user);
        }

        if (plan is not null)
        {
            request.Headers.Add(TestAuthHandler.PlanHeader, plan);
        }
    }
}
