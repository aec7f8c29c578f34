using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatServer.Tests;

public sealed class SettingsTests
{
    [Fact]
    public async Task Settings_StartEmpty_PutSaves_PerUser()
    {
        await using var factory = new ChatServerFactory();
        using var a = await SampleUsers.SignUpAsync(factory, "a@example.com");
        using var b = await SampleUsers.SignUpAsync(factory, "b@example.com");

        var empty = await SampleUsers.GetJsonAsync(a, "/api/settings");
        using var put = await a.PutAsync("/api/settings", SampleUsers.Json(new { default_provider = "DEMO", default_model = "demo-1" }));
        var saved = await SampleUsers.GetJsonAsync(a, "/api/settings");

        Assert.Equal(System.Text.Json.JsonValueKind.Null, empty.GetProperty("default_provider").ValueKind);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("demo", saved.GetProperty("default_provider").GetString());
        Assert.Equal("demo-1", saved.GetProperty("default_model").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await SampleUsers.GetJsonAsync(b, "/api/settings")).GetProperty("default_provider").ValueKind);
    }

    [Theory]
    [InlineData("nope", "m")]
    [InlineData("demo", "bad model!")]
    public async Task Settings_UnknownProviderOrBadModel_Is400(string provider, string model)
    {
        await using var factory = new ChatServerFactory();
        using var client = await SampleUsers.SignUpAsync(factory, "a@example.com");

        using var put = await client.PutAsync("/api/settings", SampleUsers.Json(new { default_provider = provider, default_model = model }));

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal("invalid_request", await SampleUsers.CodeOfAsync(put));
    }

    [Fact]
    public async Task KeyTest_AsksTheProviderWithTheStoredKey_OkForAGoodKey_ErrorForARefusedOne()
    {
        await using var upstream = await FakeHttpServer.StartAsync(app => app.MapGet("/v1/models", (HttpContext context) =>
            context.Request.Headers.Authorization == "Bearer sk-good-key-1234567890"
                ? Results.Text("""{"object":"list","data":[{"id":"gpt-test","object":"model"}]}""", "application/json")
                : Results.Text("""{"error":{"message":"Incorrect API key provided","type":"invalid_request_error","code":"invalid_api_key"}}""", "application/json", statusCode: 401)));
        await using var factory = new ChatServerFactory(new() { ["NxtAIGen:Providers:openai:BaseUrl"] = new Uri(upstream.BaseUrl, "v1").ToString() });
        using var client = await SampleUsers.SignUpAsync(factory, "a@example.com");

        using var missing = await client.PostAsync("/api/keys/openai/test", null);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        using (await client.PutAsync("/api/keys/openai", SampleUsers.Json(new { api_key = "sk-good-key-1234567890" })))
        {
        }

        using var good = await client.PostAsync("/api/keys/openai/test", null);
        var goodBody = await good.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Contains("\"ok\":true", goodBody, StringComparison.Ordinal);

        using (await client.PutAsync("/api/keys/openai", SampleUsers.Json(new { api_key = "sk-bad-key-1234567890" })))
        {
        }

        using var bad = await client.PostAsync("/api/keys/openai/test", null);
        var badBody = await bad.Content.ReadAsStringAsync();
        Assert.Contains("\"ok\":false", badBody, StringComparison.Ordinal);
        Assert.Contains("refused", badBody, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-bad-key", badBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyTest_WithoutCsrfToken_Is403()
    {
        await using var factory = new ChatServerFactory();
        using var client = await SampleUsers.SignUpAsync(factory, "a@example.com");
        client.DefaultRequestHeaders.Remove("X-CSRF-TOKEN");

        using var response = await client.PostAsync("/api/keys/openai/test", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
