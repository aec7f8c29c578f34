using System.Net;
using NxtAIGen.Abstractions;
using NxtAIGen.Testing;
using RichardSzalay.MockHttp;

namespace NxtAIGen.Providers.Gemini.Tests;

public sealed class GeminiHttpErrorTests
{
    [Theory]
    [InlineData(400, "INVALID_ARGUMENT", ProviderErrorKind.InvalidRequest)]
    [InlineData(401, "UNAUTHENTICATED", ProviderErrorKind.Authentication)]
    [InlineData(403, "PERMISSION_DENIED", ProviderErrorKind.Permission)]
    [InlineData(404, "NOT_FOUND", ProviderErrorKind.NotFound)]
    [InlineData(429, "RESOURCE_EXHAUSTED", ProviderErrorKind.RateLimited)]
    [InlineData(500, "INTERNAL", ProviderErrorKind.Server)]
    [InlineData(503, "UNAVAILABLE", ProviderErrorKind.Overloaded)]
    [InlineData(504, "DEADLINE_EXCEEDED", ProviderErrorKind.Timeout)]
    public async Task StreamAsync_HttpError_MapsKindAndStatusAndMasksKey(int status, string googleStatus, ProviderErrorKind kind)
    {
        var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Post, TestProviders.StreamUrl).Respond((HttpStatusCode)status, "application/json",
            "{\"error\":{\"code\":" + status + ",\"message\":\"Key " + TestProviders.ApiKey + " failed.\",\"status\":\"" + googleStatus + "\"}}");
        var provider = TestProviders.Create(mock);

        var error = await Assert.ThrowsAsync<NxtAIGenProviderException>(() => StreamFolder.ReadAllAsync(provider.StreamAsync(TestProviders.Hello())));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal("gemini", error.ProviderId);
        Assert.Equal(googleStatus, error.ProviderCode);
        Assert.Equal("Key *** failed.", error.ProviderMessage);
        Assert.DoesNotContain(TestProviders.ApiKey, error.Message, StringComparison.Ordinal);
        mock.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task StreamAsync_ErrorWrappedInAnArray_IsRead()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(HttpStatusCode.TooManyRequests, [new("Retry-After", "20")], "application/json",
            """[{"error":{"code":429,"message":"Resource has been exhausted (e.g. check quota).","status":"RESOURCE_EXHAUSTED"}}]""");
        var provider = TestProviders.Create(mock);

        var error = await Assert.ThrowsAsync<NxtAIGenProviderException>(() => StreamFolder.ReadAllAsync(provider.StreamAsync(TestProviders.Hello())));

        Assert.Equal(ProviderErrorKind.RateLimited, error.Kind);
        Assert.Equal("RESOURCE_EXHAUSTED", error.ProviderCode);
        Assert.Equal("Resource has been exhausted (e.g. check quota).", error.ProviderMessage);
        Assert.Equal(TimeSpan.FromSeconds(20), error.RetryAfter);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task StreamAsync_429WithRetryAfterDate_UsesTimeProvider()
    {
        var now = TestProviders.Time.GetUtcNow();
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(HttpStatusCode.TooManyRequests, [new("Retry-After", now.AddSeconds(30).ToString("R"))], "application/json", "{}");
        var provider = TestProviders.Create(mock);

        var error = await Assert.ThrowsAsync<NxtAIGenProviderException>(() => StreamFolder.ReadAllAsync(provider.StreamAsync(TestProviders.Hello())));

        Assert.Equal(TimeSpan.FromSeconds(30), error.RetryAfter);
    }

    [Fact]
    public async Task StreamAsync_HttpError_DisposesResponse()
    {
        var content = new ChunkedContent("{\"error\":{\"code\":500,\"message\":\"boom\",\"status\":\"INTERNAL\"}}"u8.ToArray(), mediaType: "application/json");
        var provider = TestProviders.Create(new StubHttpHandler(_ => new HttpResponseMessage(HttpStatusCode.InternalServerError) { Content = content }));

        await Assert.ThrowsAsync<NxtAIGenProviderException>(() => StreamFolder.ReadAllAsync(provider.StreamAsync(TestProviders.Hello())));

        Assert.True(content.IsDisposed);
    }

    [Fact]
    public async Task StreamAsync_ConnectionRefused_IsNetworkError()
    {
        var provider = TestProviders.Create(new StubHttpHandler(_ => throw new HttpRequestException(HttpRequestError.ConnectionError, "refused")));

        var error = await Assert.ThrowsAsync<NxtAIGenProviderException>(() => StreamFolder.ReadAllAsync(provider.StreamAsync(TestProviders.Hello())));

        Assert.Equal(ProviderErrorKind.Network, error.Kind);
        Assert.True(error.IsTransient);
    }
}
