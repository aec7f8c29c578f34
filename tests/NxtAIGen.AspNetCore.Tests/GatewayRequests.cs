using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NxtAIGen.AspNetCore.Tests;

/// <summary>Requests to the OpenAI-compatible gateway of a <see cref="TestApp"/>, and helpers to compare its wire format.</summary>
public static partial class GatewayRequests
{
    public const string ServerKey = "gw-server-key-0123456789abcdef";

    public static Dictionary<string, string?> WithServerKey(Dictionary<string, string?>? configuration = null)
    {
        var settings = new Dictionary<string, string?>(configuration ?? []) { ["NxtAIGen:Gateway:Keys:0"] = ServerKey };
        return settings;
    }

    public static async Task<HttpResponseMessage> PostAsync(TestApp app, string json, string? bearer = ServerKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return await app.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    /// <summary>The <c>data:</c> payloads of an SSE body, in order (comments and blank lines skipped).</summary>
    public static async Task<List<string>> DataLinesAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return [.. text.Split('\n').Where(l => l.StartsWith("data: ", StringComparison.Ordinal)).Select(l => l["data: ".Length..])];
    }

    /// <summary>Replaces the per-response id and timestamp so a body can be compared with an expected text.</summary>
    public static string Normalize(string json) =>
        CreatedPattern().Replace(IdPattern().Replace(json, "\"id\":\"chatcmpl-ID\""), "\"created\":0");

    /// <summary>Parses a body and checks it is an OpenAI error with this status, type and code.</summary>
    public static async Task<JsonElement> AssertErrorAsync(HttpResponseMessage response, int status, string type, string? code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"Expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var error = JsonDocument.Parse(text).RootElement.GetProperty("error");
        Assert.Equal(type, error.GetProperty("type").GetString());
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
        Assert.True(error.TryGetProperty("param", out _), "an OpenAI error always has 'param'");
        return error;
    }

    [GeneratedRegex("\"id\":\"chatcmpl-[0-9a-f]{32}\"")]
    private static partial Regex IdPattern();

    [GeneratedRegex("\"created\":[0-9]+")]
    private static partial Regex CreatedPattern();
}
