using System.Text;

namespace NxtAIGen.AspNetCore.Documents;

/// <summary>Reads text files: <c>text/*</c>, JSON, XML, YAML and common source-code extensions, as UTF-8.</summary>
internal sealed class PlainTextExtractor : IDocumentTextExtractor
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly HashSet<string> TextMediaTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/json", "application/xml", "application/x-yaml", "application/yaml", "application/javascript",
        "application/x-sh", "application/sql", "application/toml", "application/x-ndjson", "application/csv",
    };

    private static readonly HashSet<string> TextExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".txt", ".md", ".markdown", ".csv", ".tsv", ".json", ".xml", ".yaml", ".yml", ".toml", ".ini", ".log", ".html", ".htm", ".css",
        ".js", ".ts", ".tsx", ".jsx", ".py", ".cs", ".java", ".kt", ".go", ".rs", ".c", ".h", ".cpp", ".hpp", ".rb", ".php", ".sh",
        ".sql", ".swift", ".scala", ".lua", ".r", ".pl", ".fs", ".vb", ".ps1", ".bat", ".tex", ".rst", ".srt", ".vtt",
    };

    public bool CanRead(string mediaType, string fileName) =>
        mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
        || TextMediaTypes.Contains(mediaType)
        || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
        || mediaType.EndsWith("+xml", StringComparison.OrdinalIgnoreCase)
        || ((mediaType == "application/octet-stream" || mediaType.Length == 0) && TextExtensions.Contains(Path.GetExtension(fileName)));

    public string ExtractText(ReadOnlyMemory<byte> data, string fileName)
    {
        var span = data.Span;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }

        try
        {
            return StrictUtf8.GetString(span);
        }
        catch (DecoderFallbackException ex)
        {
            throw new InvalidDataException($"'{fileName}' is not UTF-8 text.", ex);
        }
    }
}
