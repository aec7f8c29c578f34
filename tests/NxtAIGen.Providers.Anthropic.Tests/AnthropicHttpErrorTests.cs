using System.Net;
using NxtAIGen.Abstractions;
using NxtAIGen.Testing;
using RichardSzalay.MockHttp;

namespace NxtAIGen.Providers.Anthropic.Tests;

public sealed class AnthropicHttpErrorTests
{
    /// <summary>The error type Anthropic sends with each status.</summary>
    public static string ErrorType(int status) => status switch
    {
        400 => "invalid_request_error",
        401 => "authentication_error",
        403 => "permission_error",
        404 => "not_found_error",
        413 => "request_too_large",
        429 => "rate_limit_error",
        503 or 529 => "overloaded_error",
        _ => "api_error",
    };

    [Theory]
    [InlineData(400, ProviderErrorKind.InvalidRequest)]
    [InlineData(401, ProviderErrorKind.Authentication)]
    [InlineData(403, ProviderErrorKind.Permission)]
    [InlineData(404, ProviderErrorKind.NotFound)]
    [InlineData(413, ProviderErrorKind.InvalidRequest)]
    [InlineData(429, ProviderErrorKind.RateLimited)]
    [InlineData(500, ProviderErrorKind.Server)]
    [InlineData(529, ProviderErrorKind.Overloaded)]
    public async Task StreamAsync_HttpError_MapsKindKeepsTypeAndMasksKey(int status, ProviderErrorKind kind)
    {
        var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Post, TestProviders.MessagesUrl).Respond((HttpStatusCode)status, "application/json",
            "{\"type\":\"error\",\"error\":{\"type\":\"" + ErrorType(status) + "\",\"message\":\"invalid x-api-key " + TestProviders.ApiKey + "\"},\"request_id\":\"req_1\"}");
        var provider = TestProviders.Create(mock);

        var error = await Assert.ThrowsAsync<NxtAIGenProviderException>(() => StreamFolder.ReadAllAsync(provider.StreamAsync(TestProviders.Hello())));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal("anthropic", error.ProviderId);
        Assert.Equal(ErrorType(status), error.ProviderCode);
        Assert.Equal("invalid x-api-key ***", error.ProviderMessage);
        Assert.DoesNotContain(TestProviders.ApiKey, error.Message, StringComparison.Ordinal);
        mock.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task StreamAsync_429WithRetryAfter_SetsRetryAfter()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(HttpStatusCode.TooManyRequests, [new("retry-after", "20")], "application/json",
            "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"Number of request tokens has exceeded your per-minute rate limit\"}}");
        var provider = TestProviders.Create(mock);

        var error = await Assert.ThrowsAsync<NxtAIGenProviderException>(() => StreamFolder.ReadAllAsync(provider.StreamAsync(TestProviders.Hello())));

        Assert.Equal(ProviderErrorKind.RateLimited, error.Kind);
        Assert.Equal(TimeSpan.FromSeconds(20), error.RetryAfter);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task StreamAsync_HttpError_DisposesResponse()
    {
        var content = new ChunkedContent("{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"boom\"}}"u8.ToArray(), mediaType: "application/json");
        var provider = TestProviders.Create(new StubHttpHandler(_ => new HttpResponseMessage(HttpStatusCode.InternalServerError) { Content = content }));

        await Assert.ThrowsAsync<NxtAIGenProviderException>(() => StreamFolder.ReadAllAsync(provider.StreamAsync(TestProviders.Hello())));

        Assert.True(content.IsDisposed);
    }
}
