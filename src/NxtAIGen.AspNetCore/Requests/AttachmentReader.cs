using NxtAIGen.Abstractions;
using NxtAIGen.AspNetCore.Endpoints;

namespace NxtAIGen.AspNetCore.Requests;

/// <summary>
/// Turns one uploaded file into a message part: images (checked by their signature bytes) for vision providers,
/// PDFs natively for providers that read documents, everything else through an <see cref="IDocumentTextExtractor"/>.
/// </summary>
internal sealed class AttachmentReader
{
    private readonly IReadOnlyList<IDocumentTextExtractor> _extractors;

    public AttachmentReader(IEnumerable<IDocumentTextExtractor> extractors) => _extractors = [.. extractors];

    public (ChatPart? Part, ApiProblem? Problem) Read(ChatFileBody file, string where, ChatProviderDescriptor provider, NxtAIGenRequestOptions limits)
    {
        var name = string.IsNullOrWhiteSpace(file.Name) ? "file" : Path.GetFileName(file.Name.Trim());
        var data = file.Data ?? string.Empty;
        string? declaredType = null;
        if (data.StartsWith("data:", StringComparison.Ordinal))
        {
            var comma = data.IndexOf(',', StringComparison.Ordinal);
            var header = comma > 0 ? data[5..comma] : string.Empty;
            if (comma < 0 || !header.EndsWith(";base64", StringComparison.OrdinalIgnoreCase))
            {
                return Fail($"{where}.data: a data URL must be base64 encoded.");
            }

            declaredType = header[..^7];
            data = data[(comma + 1)..];
        }

        var mediaType = NormalizeMediaType(file.MediaType ?? declaredType);
        if (data.Length == 0)
        {
            return Fail($"{where} ('{name}') has no data.");
        }

        if ((long)data.Length / 4 * 3 > limits.MaxFileBytes + 3)
        {
            return (null, ApiProblem.PayloadTooLarge($"'{name}' is larger than the limit of {limits.MaxFileBytes / 1024} KiB.").With("limit_bytes", limits.MaxFileBytes));
        }

        var bytes = new byte[data.Length / 4 * 3 + 3];
        if (!Convert.TryFromBase64String(data, bytes, out var written))
        {
            return Fail($"{where}.data ('{name}') is not valid base64.");
        }

        var content = bytes.AsMemory(0, written);
        if (content.Length > limits.MaxFileBytes)
        {
            return (null, ApiProblem.PayloadTooLarge($"'{name}' is larger than the limit of {limits.MaxFileBytes / 1024} KiB.").With("limit_bytes", limits.MaxFileBytes));
        }

        if (mediaType.StartsWith("image/", StringComparison.Ordinal))
        {
            return ReadImage(content, mediaType, name, provider);
        }

        if (mediaType == "application/pdf" && provider.Capabilities.HasFlag(ChatCapabilities.Documents) && LooksLikePdf(content.Span))
        {
            return (new DocumentPart(name, mediaType, content), null);
        }

        var extractor = _extractors.FirstOrDefault(e => e.CanRead(mediaType, name));
        if (extractor is null)
        {
            return Fail($"'{name}' ({(mediaType.Length == 0 ? "unknown type" : mediaType)}) cannot be read: send images (PNG, JPEG, GIF, WebP), PDF, DOCX or text files.");
        }

        string text;
        try
        {
            text = extractor.ExtractText(content, name);
        }
        catch (InvalidDataException ex)
        {
            return Fail($"'{name}' could not be read: {ex.Message}");
        }

        if (text.Length > limits.MaxDocumentChars)
        {
            return (null, ApiProblem.PayloadTooLarge($"'{name}' holds {text.Length} characters of text; the limit is {limits.MaxDocumentChars}.").With("limit_chars", limits.MaxDocumentChars));
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return Fail($"'{name}' contains no text that could be read (a scanned PDF needs OCR first).");
        }

        return (new DocumentPart(name, mediaType.Length == 0 ? "text/plain" : mediaType, content, text), null);
    }

    private static (ChatPart?, ApiProblem?) ReadImage(ReadOnlyMemory<byte> content, string mediaType, string name, ChatProviderDescriptor provider)
    {
        var actual = SniffImage(content.Span);
        if (actual is null)
        {
            return Fail($"'{name}' is not a PNG, JPEG, GIF or WebP image.");
        }

        if (actual != mediaType && !(mediaType == "image/jpg" && actual == "image/jpeg"))
        {
            return Fail($"'{name}' says it is {mediaType} but is {actual}.");
        }

        if (!provider.Capabilities.HasFlag(ChatCapabilities.Vision))
        {
            return Fail($"The provider '{provider.Id}' does not accept images; '{name}' was not sent. Choose a vision-capable provider.");
        }

        return (new ImagePart(content, actual), null);
    }

    internal static string? SniffImage(ReadOnlySpan<byte> b) => b switch
    {
        [0x89, 0x50, 0x4E, 0x47, ..] => "image/png",
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x47, 0x49, 0x46, 0x38, ..] => "image/gif",
        [0x52, 0x49, 0x46, 0x46, _, _, _, _, 0x57, 0x45, 0x42, 0x50, ..] => "image/webp",
        _ => null,
    };

    private static bool LooksLikePdf(ReadOnlySpan<byte> b) => b.StartsWith("%PDF-"u8);

    private static string NormalizeMediaType(string? mediaType)
    {
        if (string.IsNullOrWhiteSpace(mediaType))
        {
            return string.Empty;
        }

        var semicolon = mediaType.IndexOf(';', StringComparison.Ordinal);
        return (semicolon >= 0 ? mediaType[..semicolon] : mediaType).Trim().ToLowerInvariant();
    }

    private static (ChatPart?, ApiProblem?) Fail(string error) => (null, ApiProblem.InvalidRequest(error));
}
