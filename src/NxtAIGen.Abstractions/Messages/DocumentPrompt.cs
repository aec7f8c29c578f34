using System.Text;

namespace NxtAIGen.Abstractions;

/// <summary>
/// Helpers for providers that send a <see cref="DocumentPart"/> as prompt text (the model does not read its format
/// natively): find the text and wrap it so that the model sees the file name.
/// </summary>
public static class DocumentPrompt
{
    /// <summary>Gets the document's text: <see cref="DocumentPart.Text"/>, or its bytes read as UTF-8 when the media type is textual.</summary>
    /// <param name="document">The document.</param>
    /// <returns>The text, or <see langword="null"/> when there is none (a binary format without extracted text).</returns>
    public static string? GetText(DocumentPart document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        if (text is null && !document.Data.IsEmpty && IsTextMediaType(document.MediaType))
        {
            text = Encoding.UTF8.GetString(document.Data.Span);
        }

        return text;
    }

    /// <summary>Wraps a document's text as <c>&lt;document name="..."&gt;</c> ... <c>&lt;/document&gt;</c>.</summary>
    /// <param name="name">The file name.</param>
    /// <param name="text">The document text.</param>
    /// <returns>The text to put in the prompt.</returns>
    public static string Format(string name, string text) =>
        string.Concat("<document name=\"", name, "\">\n", text, "\n</document>");

    /// <summary>Tells whether a media type is text that can be read as UTF-8 (<c>text/*</c>, JSON, XML, YAML, CSV and the like).</summary>
    /// <param name="mediaType">The media type.</param>
    /// <returns><see langword="true"/> for a textual media type.</returns>
    public static bool IsTextMediaType(string mediaType)
    {
        ArgumentNullException.ThrowIfNull(mediaType);
        return mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+xml", StringComparison.OrdinalIgnoreCase)
            || mediaType.ToUpperInvariant() switch
            {
                "APPLICATION/JSON" or "APPLICATION/XML" or "APPLICATION/YAML" or "APPLICATION/X-YAML" or "APPLICATION/CSV"
                    or "APPLICATION/JAVASCRIPT" or "APPLICATION/X-NDJSON" or "APPLICATION/SQL" => true,
                _ => false,
            };
    }
}
