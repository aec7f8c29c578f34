using System.Net;
using NxtAIGen.Abstractions;
using NxtAIGen.Testing;
using RichardSzalay.MockHttp;

namespace NxtAIGen.Providers.OpenAI.Tests;

public sealed class OpenAIHttpErrorTests
{
    private const string KeyEchoBody =
        "{\"error\":{\"message\":\"Incorrect API key provided: " + TestProviders.ApiKey + ". Check it.\",\"type\":\"api_error\",\"code\":null}}";

    [Theory]
    [InlineData(400, ProviderErrorKind.InvalidRequest)]
    [InlineData(401, ProviderErrorKind.Authentication)]
    [InlineData(403, ProviderErrorKind.Permission)]
    [InlineData(404, ProviderErrorKind.NotFound)]
    [InlineData(429, ProviderErrorKind.RateLimited)]
    [InlineData(500, ProviderErrorKind.Server)]
    [InlineData(503, ProviderErrorKind.Overloaded)]
    public async Task StreamAsync_HttpError_MapsKindAndMasksKey(int status, ProviderErrorKind kind)
    {
        var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Post, "https://api.openai.com/v1/chat/completions")
            .Respond((HttpStatusCode)status, "application/json", KeyEchoBody);
        var provider = TestProviders.Create("openai", mock);

        var error = await Assert.ThrowsAsync<NxtAIGenProviderException>(() => StreamFolder.ReadAllAsync(provider.StreamAsync(TestProviders.Hello())));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal("openai", error.ProviderId);
        Assert.Equal("api_error", error.ProviderCode);
        Assert.DoesNotContain(TestProviders.ApiKey, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestProviders.ApiKey, error.ProviderMessage ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains("***", error.ProviderMessage, StringComparison.Ordinal);
        mock.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task StreamAsync_429WithRetryAfterSeconds_SetsRetryAfter()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(HttpStatusCode.TooManyRequests, [new("Retry-After", "20")], "application/json",
            "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}");
        var provider = TestProviders.Create("groq", mock);

        var error = await Assert.ThrowsAsync<NxtAIGenProviderException>(() => StreamFolder.ReadAllAsync(provider.StreamAsync(TestProviders.Hello())));

        Assert.Equal(ProviderErrorKind.RateLimited, error.Kind);
        Assert.Equal(TimeSpan.FromSeconds(20), error.RetryAfter);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task StreamAsync_429WithRetryAfterDate_UsesTimeProvider()
    {
        var now = TestProviders.Time.GetUtcNow();
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(HttpStatusCode.TooManyRequests, [new("Retry-After", now.AddSeconds(30).ToString("R"))], "application/json", "{}");
        var provider = TestProviders.Create("openai", mock);

        var error = await Assert.ThrowsAsync<NxtAIGenProviderException>(() => StreamFolder.ReadAllAsync(provider.StreamAsync(TestProviders.Hello())));

        Assert.Equal(TimeSpan.FromSeconds(30), error.RetryAfter);
    }

    [Fact]
    public async Task StreamAsync_HttpError_DisposesResponse()
    {
        var content = new ChunkedContent("{\"error\":{\"message\":\"boom\"}}"u8.ToArray(), mediaType: "application/json");
        var provider = TestProviders.Create("openai", new StubHttpHandler(_ => new HttpResponseMessage(HttpStatusCode.InternalServerError) { Content = content }));

        await Assert.ThrowsAsync<NxtAIGenProviderException>(() => StreamFolder.ReadAllAsync(provider.StreamAsync(TestProviders.Hello())));

        Assert.True(content.IsDisposed);
    }

    [Fact]
    public async Task StreamAsync_InStreamErrorEchoingKey_MasksKey()
    {
        var body = "data: {\"error\":{\"message\":\"bad key " + TestProviders.ApiKey + "\",\"type\":\"server_error\"}}\n\ndata: [DONE]\n\n";
        var provider = TestProviders.Create("openai", StubHttpHandler.ForBody(System.Text.Encoding.UTF8.GetBytes(body)));

        var result = await StreamFolder.CollectAsync(provider.StreamAsync(TestProviders.Hello()));

        Assert.Equal(ProviderErrorKind.Server, result.ProviderError?.Kind);
        Assert.DoesNotContain(TestProviders.ApiKey, result.Error!.Message, StringComparison.Ordinal);
    }
}
