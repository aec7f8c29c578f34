using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace NxtAIGen.AspNetCore.Tests;

public sealed class ApiKeyProtectorTests
{
    private const string Key = "sk-proj-AbCdEf0123456789xyzXYZ";
    private readonly ApiKeyProtector _protector = new(new EphemeralDataProtectionProvider(), new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero)), NullLogger<ApiKeyProtector>.Instance);

    [Fact]
    public void Protect_ThenUnprotect_RoundTrips_WithBaseUrl()
    {
        var stored = _protector.Protect(ApiKeyOwner.ForUser("alice"), "openai", Key, new Uri("https://llm.example.com/v1"));

        Assert.True(_protector.TryUnprotect(stored, out var credentials));
        Assert.Equal(Key, credentials.ApiKey);
        Assert.Equal(new Uri("https://llm.example.com/v1"), credentials.BaseUrl);
        Assert.DoesNotContain(Key, stored.ProtectedValue, StringComparison.Ordinal);
        Assert.Equal("sk-p••••••••zXYZ", stored.Masked);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), stored.UpdatedAt);
        Assert.DoesNotContain(Key, credentials.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Ciphertext_IsBoundToScopeProviderAndUser()
    {
        var alices = _protector.Protect(ApiKeyOwner.ForUser("alice"), "openai", Key);
        var servers = _protector.Protect(ApiKeyOwner.Server, "openai", Key);

        Assert.False(_protector.TryUnprotect(alices with { Owner = ApiKeyOwner.ForUser("bob") }, out _));
        Assert.False(_protector.TryUnprotect(alices with { Owner = ApiKeyOwner.Server }, out _));
        Assert.False(_protector.TryUnprotect(alices with { ProviderId = "anthropic" }, out _));
        Assert.False(_protector.TryUnprotect(servers with { ProviderId = "anthropic" }, out _));
        Assert.True(_protector.TryUnprotect(servers with { ProviderId = "OpenAI" }, out _)); // provider ids are case-insensitive
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-base64url!!")]
    [InlineData("CfDJ8AAAAAAAAAAAAAAAAAAAAAA")]
    public void Garbage_IsRefused_NotThrown(string value)
    {
        var stored = _protector.Protect(ApiKeyOwner.Server, "openai", Key) with { ProtectedValue = value };

        Assert.False(_protector.TryUnprotect(stored, out var credentials));
        Assert.Null(credentials);
    }

    [Fact]
    public void AnotherKeyRing_CannotDecrypt()
    {
        var stored = _protector.Protect(ApiKeyOwner.Server, "openai", Key);
        var other = new ApiKeyProtector(new EphemeralDataProtectionProvider(), TimeProvider.System, NullLogger<ApiKeyProtector>.Instance);

        Assert.False(other.TryUnprotect(stored, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("tab\tinside")]
    public void Protect_RefusesInvalidKeys(string key) =>
        Assert.Throws<ArgumentException>(() => _protector.Protect(ApiKeyOwner.Server, "openai", key));

    [Theory]
    [InlineData("abc", "••••••••")]
    [InlineData("fifteen-chars-x", "••••••••")]
    [InlineData("sixteen-chars-xy", "sixt••••••••s-xy")]
    public void Masks(string key, string masked) =>
        Assert.Equal(masked, _protector.Protect(ApiKeyOwner.Server, "openai", key).Masked);
}
