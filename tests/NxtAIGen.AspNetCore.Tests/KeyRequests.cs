using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace NxtAIGen.AspNetCore.Tests;

/// <summary>Requests to the key endpoints as a bearer-token user (no antiforgery token needed), and problem checks.</summary>
public static class KeyRequests
{
    public static async Task<HttpResponseMessage> SendAsync(TestApp app, HttpMethod method, string path, string? user, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (user is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await app.Client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PutAsync(TestApp app, string user, string provider, string apiKey, string? baseUrl = null, bool verify = false, bool admin = false) =>
        SendAsync(app, HttpMethod.Put, $"/api/{(admin ? "admin/" : string.Empty)}keys/{provider}", user, Body(apiKey, baseUrl, verify));

    public static string Body(string apiKey, string? baseUrl = null, bool verify = false) =>
        JsonSerializer.Serialize(new Dictionary<string, object?> { ["api_key"] = apiKey, ["base_url"] = baseUrl, ["verify"] = verify }, TestApp.Json);

    /// <summary>Streams "hi" to <paramref name="provider"/> as <paramref name="user"/> (or a guest) and returns the status and body.</summary>
    public static async Task<(HttpStatusCode Status, string Body)> ChatAsync(TestApp app, string? user, string provider = "keyed")
    {
        using var response = await SendAsync(app, HttpMethod.Post, "/api/chat/stream", user, $$"""{"provider": "{{provider}}", "message": "hi"}""");
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {status}, got {response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(text).RootElement;
        Assert.Equal(code, json.GetProperty("code").GetString());
        return json;
    }
}
