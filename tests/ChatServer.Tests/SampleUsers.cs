using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChatServer.Tests;

/// <summary>Signs accounts up and in through the sample's real endpoints, as a script would.</summary>
public static class SampleUsers
{
    public const string Password = "Passw0rd!23";

    /// <summary>A client that keeps cookies and does not follow redirects.</summary>
    public static HttpClient Client(ChatServerFactory factory, string baseAddress = "http://localhost") =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false, BaseAddress = new Uri(baseAddress) });

    public static async Task RegisterAsync(HttpClient client, string email, string password = Password)
    {
        using var response = await client.PostAsync("/api/auth/register", Json(new Dictionary<string, string> { ["email"] = email, ["password"] = password }));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"register {email}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public static async Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password = Password) =>
        await client.PostAsync("/api/auth/login?useCookies=true", Json(new Dictionary<string, string> { ["email"] = email, ["password"] = password }));

    /// <summary>Registers, signs in with a cookie, and sets the antiforgery header as the page does.</summary>
    public static async Task<HttpClient> SignUpAsync(ChatServerFactory factory, string email, string baseAddress = "http://localhost")
    {
        var client = Client(factory, baseAddress);
        await RegisterAsync(client, email);
        using var login = await LoginAsync(client, email);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        await RefreshCsrfAsync(client);
        return client;
    }

    /// <summary>Fetches a fresh antiforgery token (it is bound to the signed-in user) into the X-CSRF-TOKEN header.</summary>
    public static async Task RefreshCsrfAsync(HttpClient client)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/antiforgery"));
        client.DefaultRequestHeaders.Remove("X-CSRF-TOKEN");
        client.DefaultRequestHeaders.Add("X-CSRF-TOKEN", json.RootElement.GetProperty("token").GetString());
    }

    public static StringContent Json(object body) =>
        new(JsonSerializer.Serialize(body, NxtAIGen.AspNetCore.Tests.TestApp.Json), System.Text.Encoding.UTF8, "application/json");

    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<string?> CodeOfAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? null : JsonDocument.Parse(text).RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
    }
}
