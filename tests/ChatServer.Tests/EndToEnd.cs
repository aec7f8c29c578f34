using System.Net;
using System.Text;
using NxtAIGen.AspNetCore.Tests;

namespace ChatServer.Tests;

/// <summary>What every end-to-end test through the sample's <c>POST /api/chat/stream</c> does.</summary>
internal static class EndToEnd
{
    /// <summary>Posts a chat request and reads every event (heartbeats left out) until the stream ends.</summary>
    public static async Task<List<SseFrame>> StreamAsync(ChatServerFactory factory, string json)
    {
        using var client = factory.CreateClient();
        using var response = await PostAsync(client, json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var sse = new SseReader(await response.Content.ReadAsStreamAsync());
        return (await sse.ReadToEndAsync()).Where(f => !f.IsPing).ToList();
    }

    /// <summary>Posts a chat request and returns as soon as the response headers arrive.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/chat/stream") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    /// <summary>Joins the payloads of every event named <paramref name="name"/> (<c>content</c> or <c>thinking</c>).</summary>
    public static string Concat(IEnumerable<SseFrame> events, string name) =>
        string.Concat(events.Where(e => e.Event == name).Select(e => e.Json.GetProperty(name).GetString()));

    /// <summary>Reads a recorded body from <c>tests/Fixtures/streams</c>.</summary>
    public static byte[] Fixture(string path)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NxtAIGen.sln")))
        {
            dir = dir.Parent;
        }

        return File.ReadAllBytes(Path.Combine(dir!.FullName, "tests", "Fixtures", "streams", path));
    }

    /// <summary>The sample with <paramref name="providerId"/> pointed at <paramref name="upstream"/>.</summary>
    public static ChatServerFactory ForProvider(string providerId, FakeUpstream upstream, string key, Dictionary<string, string?>? extra = null, TimeProvider? time = null)
    {
        var settings = new Dictionary<string, string?>
        {
            [$"NxtAIGen:Providers:{providerId}:BaseUrl"] = upstream.BaseUrl.ToString(),
            [$"NxtAIGen:Providers:{providerId}:ApiKey"] = key,
        };
        foreach (var (k, v) in extra ?? [])
        {
            settings[k] = v;
        }

        return new ChatServerFactory(settings, time);
    }
}
