using System.Security.Cryptography;
using System.Text;
using NxtAIGen.AspNetCore.Keys;

namespace NxtAIGen.AspNetCore;

/// <summary>
/// Imports API keys written by the original PHP application. It stored each key as Base64 of a 16-byte IV followed by
/// the AES-256-CBC ciphertext (PKCS#7 padding), with its 32-byte key stored as Base64 in its <c>encryption_config</c>
/// table. Imported keys are decrypted once and stored re-encrypted with Data Protection (<see cref="ApiKeyProtector"/>).
/// </summary>
public sealed class PhpKeyImporter
{
    private const int IvBytes = 16;
    private const int KeyBytes = 32;
    private readonly IApiKeyStore _store;
    private readonly ApiKeyProtector _protector;

    /// <summary>Initializes the importer.</summary>
    /// <param name="store">Where imported keys go.</param>
    /// <param name="protector">Encrypts them.</param>
    public PhpKeyImporter(IApiKeyStore store, ApiKeyProtector protector)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(protector);
        _store = store;
        _protector = protector;
    }

    /// <summary>Decrypts one value of the PHP application.</summary>
    /// <param name="value">Base64 of the 16-byte IV followed by the ciphertext.</param>
    /// <param name="base64Key">The PHP application's 32-byte key, Base64 (from its <c>encryption_config</c> table).</param>
    /// <returns>The plaintext key.</returns>
    /// <exception cref="FormatException">The key or the value is not Base64 of the right length.</exception>
    /// <exception cref="CryptographicException">The value does not decrypt with this key: a wrong key, or a damaged value.</exception>
    public static string Decrypt(string value, string base64Key)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(base64Key);
        var key = FromBase64(base64Key, "The PHP encryption key");
        if (key.Length != KeyBytes)
        {
            throw new FormatException($"The PHP encryption key must be {KeyBytes} bytes (Base64); it is {key.Length}.");
        }

        var data = FromBase64(value, "The stored value");
        if (data.Length < IvBytes + 16 || (data.Length - IvBytes) % 16 != 0)
        {
            throw new FormatException("The stored value is not a 16-byte IV followed by whole AES blocks; it is damaged or in another format.");
        }

        byte[] plain;
        using (var aes = Aes.Create())
        {
            aes.Key = key;
            try
            {
                plain = aes.DecryptCbc(data.AsSpan(IvBytes), data.AsSpan(0, IvBytes), PaddingMode.PKCS7);
            }
            catch (CryptographicException ex)
            {
                throw new CryptographicException("The stored value does not decrypt with this key: the key is wrong or the value is damaged.", ex);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(key);
            }
        }

        try
        {
            var text = new UTF8Encoding(false, true).GetString(plain);
            if (ApiKeyText.Validate(text, int.MaxValue) is not null)
            {
                throw new CryptographicException("The stored value decrypts to something that is not an API key: the key is wrong or the value is damaged.");
            }

            return text;
        }
        catch (DecoderFallbackException ex)
        {
            throw new CryptographicException("The stored value decrypts to something that is not text: the key is wrong or the value is damaged.", ex);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    /// <summary>Decrypts PHP values and stores them re-encrypted, replacing keys the owners already have for those providers.</summary>
    /// <param name="records">The PHP application's keys.</param>
    /// <param name="base64Key">The PHP application's 32-byte key, Base64.</param>
    /// <param name="cancellationToken">Cancels the import between records.</param>
    /// <returns>How many were imported, and which were not and why.</returns>
    public async Task<PhpKeyImportResult> ImportAsync(IEnumerable<PhpKeyRecord> records, string base64Key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(base64Key);
        var failures = new List<PhpKeyImportFailure>();
        var imported = 0;
        var index = -1;
        foreach (var record in records)
        {
            index++;
            cancellationToken.ThrowIfCancellationRequested();
            if (string.IsNullOrWhiteSpace(record.ProviderId))
            {
                failures.Add(new(index, record.Scope, record.UserId, record.ProviderId ?? string.Empty, "The provider id is empty."));
                continue;
            }

            if (record.Scope == ApiKeyScope.User && string.IsNullOrWhiteSpace(record.UserId))
            {
                failures.Add(new(index, record.Scope, record.UserId, record.ProviderId, "A user key needs a user id."));
                continue;
            }

            string apiKey;
            try
            {
                apiKey = Decrypt(record.Value ?? string.Empty, base64Key).Trim();
            }
            catch (Exception ex) when (ex is FormatException or CryptographicException)
            {
                failures.Add(new(index, record.Scope, record.UserId, record.ProviderId, ex.Message));
                continue;
            }

            var owner = record.Scope == ApiKeyScope.Server ? ApiKeyOwner.Server : ApiKeyOwner.ForUser(record.UserId!);
            var stored = _protector.Protect(owner, record.ProviderId.Trim(), apiKey);
            await _store.SetAsync(stored, cancellationToken).ConfigureAwait(false);
            imported++;
        }

        return new PhpKeyImportResult(imported, failures);
    }

    private static byte[] FromBase64(string text, string what)
    {
        try
        {
            return Convert.FromBase64String(text.Trim());
        }
        catch (FormatException ex)
        {
            throw new FormatException($"{what} is not valid Base64.", ex);
        }
    }
}
