using System.Net;
using System.Text.Json;
using NxtAIGen.Abstractions;

namespace NxtAIGen.AspNetCore.Tests;

public sealed class ChatStreamProblemTests
{
    private static readonly string PngBase64 = Convert.ToBase64String([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]);

    [Theory]
    [InlineData("{not json", "invalid_request")]
    [InlineData("[1,2]", "invalid_request")]
    [InlineData("""{"messages": "hi"}""", "invalid_request")]
    [InlineData("""{}""", "invalid_request")]
    [InlineData("""{"messages": [{"role": "robot", "content": "hi"}]}""", "invalid_request")]
    [InlineData("""{"messages": [{"role": "system", "content": "only a system prompt"}]}""", "invalid_request")]
    [InlineData("""{"messages": [{"role": "user"}]}""", "invalid_request")]
    [InlineData("""{"message": "hi", "model": "bad model name!"}""", "invalid_request")]
    [InlineData("""{"message": "hi", "reasoning": {"effort": "extreme"}}""", "invalid_request")]
    [InlineData("""{"message": "hi", "temperature": 9}""", "invalid_request")]
    [InlineData("""{"message": "hi", "max_output_tokens": 0}""", "invalid_request")]
    public async Task InvalidBody_Is400ProblemJson(string json, string code)
    {
        await using var app = await TestApp.StartAsync();

        using var response = await app.PostRawAsync(json);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, code);
        Assert.Empty(app.Provider.Requests);
    }

    [Fact]
    public async Task NonJsonContentType_Is400()
    {
        await using var app = await TestApp.StartAsync();

        using var response = await app.PostRawAsync("message=hi", "application/x-www-form-urlencoded");

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_request");
        Assert.Contains("JSON", problem.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OversizedBody_Is413()
    {
        await using var app = await TestApp.StartAsync(new() { ["NxtAIGen:Requests:MaxRequestBytes"] = "2048" });

        using var response = await app.PostRawAsync($$"""{"message": "{{new string('a', 4096)}}"}""");

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Fact]
    public async Task OversizedFile_Is413()
    {
        await using var app = await TestApp.StartAsync(new() { ["NxtAIGen:Requests:MaxFileBytes"] = "1024" });
        var big = Convert.ToBase64String(new byte[4096]);

        using var response = await app.PostRawAsync($$"""{"message": "read", "files": [{"name": "a.txt", "media_type": "text/plain", "data": "{{big}}"}]}""");

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Fact]
    public async Task TooManyFiles_Is400()
    {
        await using var app = await TestApp.StartAsync(new() { ["NxtAIGen:Requests:MaxFiles"] = "1" });
        var file = $$"""{"name": "a.txt", "media_type": "text/plain", "data": "{{Convert.ToBase64String("x"u8)}}"}""";

        using var response = await app.PostRawAsync($$"""{"message": "read", "files": [{{file}}, {{file}}]}""");

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_request");
    }

    [Fact]
    public async Task UnknownProvider_Is404()
    {
        await using var app = await TestApp.StartAsync();

        using var response = await app.PostRawAsync("""{"provider": "nope", "message": "hi"}""");

        var problem = await AssertProblemAsync(response, HttpStatusCode.NotFound, "unknown_provider");
        Assert.Contains("nope", problem.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisabledProvider_Is404()
    {
        await using var app = await TestApp.StartAsync(new() { ["NxtAIGen:Providers:fake:Enabled"] = "false" });

        using var response = await app.PostRawAsync("""{"provider": "fake", "message": "hi"}""");

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "unknown_provider");
    }

    [Fact]
    public async Task ProviderWithoutKey_Is409()
    {
        await using var app = await TestApp.StartAsync();

        using var response = await app.PostRawAsync("""{"provider": "keyed", "message": "hi"}""");

        await AssertProblemAsync(response, HttpStatusCode.Conflict, "provider_not_configured");
    }

    [Fact]
    public async Task ImageForProviderWithoutVision_Is400AndSaysSo()
    {
        await using var app = await TestApp.StartAsync();

        using var response = await app.PostRawAsync($$"""{"message": "look", "files": [{"name": "cat.png", "media_type": "image/png", "data": "{{PngBase64}}"}]}""");

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_request");
        Assert.Contains("cat.png", problem.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImageForVisionProvider_ReachesTheProviderAsImagePart()
    {
        await using var app = await TestApp.StartAsync(capabilities: ChatCapabilities.Vision);
        app.Provider.NextCall().Finish();

        using var response = await app.PostRawAsync($$"""{"message": "look", "files": [{"name": "cat.png", "media_type": "image/png", "data": "data:image/png;base64,{{PngBase64}}"}]}""");
        await response.Content.ReadAsStringAsync();

        var image = Assert.IsType<ImagePart>(Assert.Single(app.Provider.Requests).Messages[0].Parts[1]);
        Assert.Equal("image/png", image.MediaType);
        Assert.Equal(12, image.Data.Length);
    }

    [Theory]
    [InlineData("cat.png", "image/png", "bm90IGFuIGltYWdl")]
    [InlineData("a.bin", "application/octet-stream", "AAECAw==")]
    [InlineData("a.txt", "text/plain", "not base64 at all!")]
    [InlineData("a.txt", "text/plain", "/w==")]
    public async Task UnreadableFile_Is400NamingTheFile(string name, string mediaType, string data)
    {
        await using var app = await TestApp.StartAsync(capabilities: ChatCapabilities.Vision);

        using var response = await app.PostRawAsync($$"""{"message": "read", "files": [{"name": "{{name}}", "media_type": "{{mediaType}}", "data": "{{data}}"}]}""");

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_request");
        Assert.Contains(name, problem.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {status}, got {response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("error").GetString()));
        return problem;
    }
}
