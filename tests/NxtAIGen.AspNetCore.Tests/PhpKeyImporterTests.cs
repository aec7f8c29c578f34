using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging.Abstractions;

namespace NxtAIGen.AspNetCore.Tests;

/// <summary>
/// Vectors made with OpenSSL, independently of .NET:
/// <c>(echo -n $IV | xxd -r -p; echo -n "$PLAIN" | openssl enc -aes-256-cbc -K $K -iv $IV) | base64 -w0</c>
/// with <c>K=000102…1e1f</c> (OpenSSL 3.0.19).
/// </summary>
public sealed class PhpKeyImporterTests
{
    /// <summary>The PHP application's key as its <c>encryption_config</c> table holds it: Base64 of bytes 0x00..0x1f.</summary>
    private const string PhpKey = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    /// <summary>"sk-proj-AbCdEf0123456789xyzXYZ", IV a1a2…b0.</summary>
    private const string OpenAiValue = "oaKjpKWmp6ipqqusra6vsE7/my644j18ItLfwr6ZW2e2XT8kaNNAxqxzTQ1oh9jh";

    /// <summary>"sk-ant-api03-QWERTYUIOPasdfghjkl_zxcvbnm-1234567890", IV f0e1…0f.</summary>
    private const string AnthropicValue = "8OHSw7Sllod4aVpLPC0eD2MqglQYP5LJcDcyOvePUXKx8xcJSFod8rQwtRTP4tJTmLv3D7lYo4DeIc1DJj7AmvKZYvEzbiQT7AogGq825r8=";

    /// <summary>"gsk_short16chars" (exactly one block, so a whole block of padding), IV of zeros.</summary>
    private const string GroqValue = "AAAAAAAAAAAAAAAAAAAAAHydM7RyqlomE+Kj7HhHjmmXpC0qFFuOqPz6XCe1dDuw";

    private const string WrongKey = "HxwbGhkYFxYVFBMSERAPDg0MCwoJCAcGBQQDAgEAAAA=";

    [Theory]
    [InlineData(OpenAiValue, "sk-proj-AbCdEf0123456789xyzXYZ")]
    [InlineData(AnthropicValue, "sk-ant-api03-QWERTYUIOPasdfghjkl_zxcvbnm-1234567890")]
    [InlineData(GroqValue, "gsk_short16chars")]
    public void Decrypt_OpenSslVectors(string value, string expected) =>
        Assert.Equal(expected, PhpKeyImporter.Decrypt(value, PhpKey));

    [Fact]
    public void Decrypt_WrongKey_IsAClearError()
    {
        var error = Assert.ThrowsAny<CryptographicException>(() => PhpKeyImporter.Decrypt(AnthropicValue, WrongKey));
        Assert.Contains("key is wrong or the value is damaged", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decrypt_DamagedValue_IsAClearError()
    {
        var bytes = Convert.FromBase64String(OpenAiValue);
        bytes[^1] ^= 0x55; // the last block: its padding no longer checks out
        var error = Assert.ThrowsAny<CryptographicException>(() => PhpKeyImporter.Decrypt(Convert.ToBase64String(bytes), PhpKey));
        Assert.Contains("damaged", error.Message, StringComparison.Ordinal);

        bytes = Convert.FromBase64String(AnthropicValue);
        bytes[20] ^= 0x80; // the first ciphertext block: garbles the start of the text
        Assert.ThrowsAny<CryptographicException>(() => PhpKeyImporter.Decrypt(Convert.ToBase64String(bytes), PhpKey));
    }

    [Theory]
    [InlineData(OpenAiValue, "not base64!", "not valid Base64")]
    [InlineData(OpenAiValue, "AAECAwQFBgcICQoLDA0ODw==", "must be 32 bytes")]
    [InlineData("not base64!", PhpKey, "not valid Base64")]
    [InlineData("oaKjpKWmp6ipqqusra6vsA==", PhpKey, "16-byte IV")]
    [InlineData("oaKjpKWmp6ipqqusra6vsE7/my644j18ItLfwr6ZW2e2XT8kaNNAxqxzTQ1oh9g=", PhpKey, "16-byte IV")]
    public void Decrypt_MalformedInput_IsAFormatError(string value, string key, string message)
    {
        var error = Assert.Throws<FormatException>(() => PhpKeyImporter.Decrypt(value, key));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_StoresReEncrypted_AndReportsFailuresWithoutValues()
    {
        var store = new InMemoryApiKeyStore();
        var protector = new ApiKeyProtector(new EphemeralDataProtectionProvider(), TimeProvider.System, NullLogger<ApiKeyProtector>.Instance);
        var importer = new PhpKeyImporter(store, protector);
        var damaged = "oaKjpKWmp6ipqqusra6vsE7/my644j18ItLfwr6ZW2e2XT8kaNNAxqxzTQ1oh9jj";

        var result = await importer.ImportAsync(
            [
                new(ApiKeyScope.Server, null, "openai", OpenAiValue),
                new(ApiKeyScope.User, "42", "anthropic", AnthropicValue),
                new(ApiKeyScope.User, "42", "groq", damaged),
                new(ApiKeyScope.User, null, "groq", GroqValue),
            ],
            PhpKey);

        Assert.Equal(2, result.Imported);
        Assert.Equal([2, 3], result.Failures.Select(f => f.Index));
        Assert.All(result.Failures, f => Assert.DoesNotContain(damaged, f.ToString(), StringComparison.Ordinal));
        var server = (await store.GetAsync(ApiKeyOwner.Server, "openai"))!;
        var user = (await store.GetAsync(ApiKeyOwner.ForUser("42"), "anthropic"))!;
        Assert.True(protector.TryUnprotect(server, out var serverKey));
        Assert.True(protector.TryUnprotect(user, out var userKey));
        Assert.Equal("sk-proj-AbCdEf0123456789xyzXYZ", serverKey.ApiKey);
        Assert.Equal("sk-ant-api03-QWERTYUIOPasdfghjkl_zxcvbnm-1234567890", userKey.ApiKey);
        Assert.Equal("sk-a••••••••7890", user.Masked);
        Assert.All(store.Snapshot(), k => Assert.DoesNotContain("sk-", k.ProtectedValue, StringComparison.Ordinal));
        Assert.Null(await store.GetAsync(ApiKeyOwner.ForUser("42"), "groq"));
    }

    [Fact]
    public async Task Import_WithWrongKey_ImportsNothing()
    {
        var store = new InMemoryApiKeyStore();
        var importer = new PhpKeyImporter(store, new ApiKeyProtector(new EphemeralDataProtectionProvider(), TimeProvider.System, NullLogger<ApiKeyProtector>.Instance));

        var result = await importer.ImportAsync([new(ApiKeyScope.Server, null, "openai", OpenAiValue), new(ApiKeyScope.Server, null, "anthropic", AnthropicValue)], WrongKey);

        Assert.Equal(0, result.Imported);
        Assert.Equal(2, result.Failures.Count);
        Assert.Empty(store.Snapshot());
    }
}
