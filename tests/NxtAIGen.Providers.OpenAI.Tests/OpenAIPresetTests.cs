using System.Text.Json;
using NxtAIGen.Abstractions;
using NxtAIGen.Providers.OpenAI.Internal;
using NxtAIGen.Testing;

namespace NxtAIGen.Providers.OpenAI.Tests;

public sealed class OpenAIPresetTests
{
    [Theory]
    [InlineData("openai", "https://api.openai.com/v1/chat/completions", "gpt-5-mini")]
    [InlineData("deepseek", "https://api.deepseek.com/v1/chat/completions", "deepseek-chat")]
    [InlineData("mistral", "https://api.mistral.ai/v1/chat/completions", "mistral-medium-latest")]
    [InlineData("xai", "https://api.x.ai/v1/chat/completions", "grok-4")]
    [InlineData("openrouter", "https://openrouter.ai/api/v1/chat/completions", "openrouter/auto")]
    [InlineData("perplexity", "https://api.perplexity.ai/chat/completions", "sonar")]
    [InlineData("huggingface", "https://router.huggingface.co/v1/chat/completions", "openai/gpt-oss-120b")]
    [InlineData("moonshot", "https://api.moonshot.ai/v1/chat/completions", "kimi-k2.6")]
    [InlineData("groq", "https://api.groq.com/openai/v1/chat/completions", "openai/gpt-oss-120b")]
    [InlineData("github", "https://models.github.ai/inference/chat/completions", "openai/gpt-4.1")]
    public async Task StreamAsync_Preset_PostsToItsUrlWithBearerKeyAndDefaultModel(string type, string url, string model)
    {
        var (mock, capture) = RequestCapture.Expect(url, TestProviders.ApiKey);
        var provider = TestProviders.Create(type, mock);

        var result = await StreamFolder.CollectAsync(provider.StreamAsync(TestProviders.Hello()));

        Assert.Null(result.Error);
        mock.VerifyNoOutstandingExpectation();
        using var body = JsonDocument.Parse(capture.Body!);
        Assert.Equal(model, body.RootElement.GetProperty("model").GetString());
        Assert.True(body.RootElement.GetProperty("stream").GetBoolean());
        Assert.Equal(type != "mistral", body.RootElement.TryGetProperty("stream_options", out _));
    }

    [Fact]
    public async Task StreamAsync_OpenRouter_SendsConfiguredAttributionHeaders()
    {
        var (mock, capture) = RequestCapture.Expect("https://openrouter.ai/api/v1/chat/completions", TestProviders.ApiKey);
        var headers = new Dictionary<string, string> { ["HTTP-Referer"] = "https://nxtaigen.example", ["X-Title"] = "NxtAIGen" };
        var provider = TestProviders.Create("openrouter", mock, headers: headers);

        await StreamFolder.ReadAllAsync(provider.StreamAsync(TestProviders.Hello()));

        Assert.Equal("https://nxtaigen.example", capture.Request!.Headers.GetValues("HTTP-Referer").Single());
        Assert.Equal("NxtAIGen", capture.Request.Headers.GetValues("X-Title").Single());
    }

    [Fact]
    public async Task StreamAsync_OpenRouterProcessingComments_AreIgnored()
    {
        var body = ": OPENROUTER PROCESSING\n\n: OPENROUTER PROCESSING\n\n" + SseBodies.Ok;
        var provider = TestProviders.Create("openrouter", StubHttpHandler.ForBody(System.Text.Encoding.UTF8.GetBytes(body), Chunking.OneByte));

        var result = await StreamFolder.CollectAsync(provider.StreamAsync(TestProviders.Hello()));

        Assert.Null(result.Error);
        Assert.Equal("ok", result.Text);
    }

    [Fact]
    public async Task StreamAsync_GitHub_SendsApiVersionHeader()
    {
        var (mock, capture) = RequestCapture.Expect("https://models.github.ai/inference/chat/completions", TestProviders.ApiKey);
        var provider = TestProviders.Create("github", mock);

        await StreamFolder.ReadAllAsync(provider.StreamAsync(TestProviders.Hello()));

        Assert.Equal("2022-11-28", capture.Request!.Headers.GetValues("X-GitHub-Api-Version").Single());
    }

    [Fact]
    public async Task StreamAsync_CompatibleWithoutKey_SendsNoAuthorization()
    {
        var (mock, capture) = RequestCapture.Expect("http://127.0.0.1:9000/v1/chat/completions", bearer: null);
        var provider = TestProviders.Create(OpenAIPresets.CompatibleType, mock, apiKey: null, baseUrl: new Uri("http://127.0.0.1:9000/v1/"));

        await StreamFolder.ReadAllAsync(provider.StreamAsync(new ChatRequest { Model = "qwen3:8b", Messages = [ChatMessage.User("Hi")] }));

        Assert.Null(capture.Request!.Headers.Authorization);
    }

    [Fact]
    public void Presets_AreDataOverOneProvider()
    {
        var types = OpenAIPresets.All.Select(p => p.Type).ToArray();
        Assert.Equal(["openai", "deepseek", "mistral", "xai", "openrouter", "perplexity", "huggingface", "moonshot", "groq", "github", "openai-compatible"], types);
        Assert.All(OpenAIPresets.All.Where(p => p.IsBuiltIn), p => Assert.NotNull(p.BaseUrl));
        Assert.All(OpenAIPresets.All.Where(p => p.IsBuiltIn), p => Assert.NotNull(p.DefaultModel));
        Assert.Equal([ "openai" ], OpenAIPresets.All.Where(p => p.Capabilities.HasFlag(ChatCapabilities.Documents)).Select(p => p.Type));
        var template = OpenAIPresets.Get("openai-compatible");
        Assert.False(template.IsBuiltIn);
        Assert.False(template.RequiresApiKey);
        Assert.Null(template.BaseUrl);
    }
}
