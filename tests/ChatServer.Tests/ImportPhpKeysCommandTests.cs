using System.Security.Cryptography;
using System.Text;
using ChatServer.Commands;
using NxtAIGen.AspNetCore;

namespace ChatServer.Tests;

public sealed class ImportPhpKeysCommandTests
{
    [Fact]
    public async Task Import_StoresPhpKeysReEncrypted_AndReportsDamagedOnes()
    {
        var phpKey = RandomNumberGenerator.GetBytes(32);
        var input = Path.GetTempFileName();
        await File.WriteAllTextAsync(input, $$"""
            [
              {"scope": "server", "user_id": null, "provider": "openai", "value": "{{PhpEncrypt("sk-php-server-key-123456", phpKey)}}"},
              {"scope": "user", "user_id": "42", "provider": "anthropic", "value": "{{PhpEncrypt("sk-ant-user-key-987654", phpKey)}}"},
              {"scope": "server", "user_id": null, "provider": "groq", "value": "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="}
            ]
            """);
        await using var factory = new ChatServerFactory();
        _ = factory.Server;
        using var output = new StringWriter();

        var exit = await ImportPhpKeysCommand.RunAsync(factory.Services, ["import-php-keys", "--key", Convert.ToBase64String(phpKey), "--input", input], output);

        File.Delete(input);
        Assert.Equal(1, exit);
        Assert.Contains("Imported 2 of 3 keys.", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("groq", output.ToString(), StringComparison.Ordinal);
        var store = (IApiKeyStore)factory.Services.GetService(typeof(IApiKeyStore))!;
        var stored = await store.GetAsync(ApiKeyOwner.Server, "openai");
        Assert.NotNull(stored);
        Assert.DoesNotContain("sk-php-server-key-123456", Encoding.UTF8.GetString(await File.ReadAllBytesAsync(factory.DatabasePath)), StringComparison.Ordinal);
    }

    /// <summary>The PHP application's format: Base64 of a 16-byte IV followed by AES-256-CBC/PKCS7 ciphertext.</summary>
    private static string PhpEncrypt(string plaintext, byte[] key)
    {
        using var aes = Aes.Create();
        aes.Key = key;
        aes.GenerateIV();
        var cipher = aes.EncryptCbc(Encoding.UTF8.GetBytes(plaintext), aes.IV, PaddingMode.PKCS7);
        return Convert.ToBase64String([.. aes.IV, .. cipher]);
    }
}
