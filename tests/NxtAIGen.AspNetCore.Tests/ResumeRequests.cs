using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace NxtAIGen.AspNetCore.Tests;

/// <summary>The resume and stop requests of resumable streams, as a signed-in user (bearer) or a guest (cookie).</summary>
public static class ResumeRequests
{
    /// <summary>The settings that turn resumable streams on (30 s grace period, 5 min buffer lifetime).</summary>
    public static Dictionary<string, string?> Enabled() => new()
    {
        ["NxtAIGen:Streaming:Resume:Enabled"] = "true",
        ["NxtAIGen:Streaming:Resume:GracePeriod"] = "00:00:30",
        ["NxtAIGen:Streaming:Resume:BufferLifetime"] = "00:05:00",
        ["NxtAIGen:Streaming:IdleTimeout"] = "01:00:00",
    };

    /// <summary>Starts a stream as <paramref name="user"/>, lets the provider say <paramref name="firstText"/>, and reads up to it (events 1 and 2).</summary>
    /// <returns>The stream id and the reader, positioned after event 2.</returns>
    public static async Task<(string Id, SseReader Reader)> StartAsync(TestApp app, string user, ScriptedProvider.Script script, string firstText)
    {
        var response = await app.ChatAsync(user: user);
        var sse = new SseReader(await response.Content.ReadAsStreamAsync());
        var start = await sse.NextEventAsync();
        Assert.Equal(("start", "1"), (start!.Event, start.Id));
        await Wait.ForAsync(script.Started.Task, "the provider call");
        script.Text(firstText);
        Assert.Equal($"2:{firstText}", Describe(await sse.NextEventAsync()));
        return (start.Json.GetProperty("id").GetString()!, sse);
    }

    /// <summary><c>GET /api/chat/stream/{id}</c> with an optional <c>Last-Event-ID</c>; the response is read as it streams.</summary>
    public static async Task<HttpResponseMessage> ResumeAsync(TestApp app, string id, string? user = null, string? cookie = null, string? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/chat/stream/{id}");
        Authorize(request, user, cookie);
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        return await app.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    /// <summary><c>POST /api/chat/stream/{id}/stop</c>.</summary>
    public static async Task<HttpResponseMessage> StopAsync(TestApp app, string id, string? user = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/chat/stream/{id}/stop");
        Authorize(request, user, null);
        return await app.Client.SendAsync(request);
    }

    /// <summary>Asserts a 404 <c>stream_not_found</c> problem.</summary>
    public static async Task AssertNotFoundAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("stream_not_found", problem.GetProperty("code").GetString());
    }

    /// <summary>An event as <c>id:text</c> for content, <c>id:event</c> for the others.</summary>
    public static string Describe(SseFrame? frame) =>
        frame!.Event == "content" ? $"{frame.Id}:{frame.Json.GetProperty("content").GetString()}" : $"{frame.Id}:{frame.Event}";

    private static void Authorize(HttpRequestMessage request, string? user, string? cookie)
    {
        if (user is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user);
        }

        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }
    }
}
