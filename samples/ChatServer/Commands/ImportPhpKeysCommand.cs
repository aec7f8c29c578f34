using System.Text.Json;
using NxtAIGen.AspNetCore;

namespace ChatServer.Commands;

/// <summary>
/// <c>dotnet run --project samples/ChatServer -- import-php-keys --key &lt;base64&gt; --input keys.json</c>: imports the API
/// keys of the PHP application into this server's database, re-encrypted with Data Protection.
/// </summary>
/// <remarks>
/// <c>--key</c> is the PHP application's 32-byte key (Base64, from its <c>encryption_config</c> table); it can also
/// come from the environment variable <c>NXTAIGEN_PHP_KEY</c> so that it stays out of the shell history.
/// <c>--input</c> is a JSON array of <c>{"scope": "server"|"user", "user_id": "...", "provider": "openai", "value": "&lt;base64&gt;"}</c>
/// exported from the PHP database.
/// </remarks>
internal static class ImportPhpKeysCommand
{
    public const string Name = "import-php-keys";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        var key = Option(args, "--key") ?? Environment.GetEnvironmentVariable("NXTAIGEN_PHP_KEY");
        var input = Option(args, "--input");
        if (string.IsNullOrEmpty(key) || string.IsNullOrEmpty(input))
        {
            await output.WriteLineAsync("usage: import-php-keys --key <base64 key> --input <keys.json>  (or NXTAIGEN_PHP_KEY for the key)");
            return 2;
        }

        List<PhpKeyRecord> records;
        try
        {
            records = Read(await File.ReadAllBytesAsync(input));
        }
        catch (Exception ex) when (ex is JsonException or IOException or FormatException or UnauthorizedAccessException)
        {
            await output.WriteLineAsync($"Cannot read {input}: {ex.Message}");
            return 1;
        }

        var importer = ActivatorUtilities.CreateInstance<PhpKeyImporter>(services);
        var result = await importer.ImportAsync(records, key);
        await output.WriteLineAsync($"Imported {result.Imported} of {records.Count} keys.");
        foreach (var failure in result.Failures)
        {
            await output.WriteLineAsync($"  #{failure.Index} {failure.Scope} {failure.UserId} {failure.ProviderId}: {failure.Reason}");
        }

        return result.Failures.Count == 0 ? 0 : 1;
    }

    internal static List<PhpKeyRecord> Read(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var records = new List<PhpKeyRecord>();
        foreach (var item in document.RootElement.EnumerateArray())
        {
            var scope = item.TryGetProperty("scope", out var s) && string.Equals(s.GetString(), "user", StringComparison.OrdinalIgnoreCase)
                ? ApiKeyScope.User
                : ApiKeyScope.Server;
            var userId = item.TryGetProperty("user_id", out var u) && u.ValueKind != JsonValueKind.Null ? u.ToString() : null;
            var provider = item.GetProperty("provider").GetString() ?? throw new FormatException("A record has no provider.");
            var value = item.GetProperty("value").GetString() ?? throw new FormatException("A record has no value.");
            records.Add(new PhpKeyRecord(scope, userId, provider, value));
        }

        return records;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
