using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace NxtAIGen.AspNetCore.Documents;

/// <summary>Reads the text of a PDF with PdfPig, page by page. Scanned (image-only) PDFs give no text.</summary>
internal sealed class PdfTextExtractor : IDocumentTextExtractor
{
    public bool CanRead(string mediaType, string fileName) =>
        mediaType == "application/pdf"
        || ((mediaType == "application/octet-stream" || mediaType.Length == 0) && fileName.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase));

    public string ExtractText(ReadOnlyMemory<byte> data, string fileName)
    {
        if (!data.Span.StartsWith("%PDF-"u8))
        {
            throw new InvalidDataException($"'{fileName}' is not a PDF file.");
        }

        try
        {
            using var document = PdfDocument.Open(data.ToArray());
            var text = new StringBuilder();
            foreach (Page page in document.GetPages())
            {
                if (text.Length > 0)
                {
                    text.Append("\n\n");
                }

                text.Append(ContentOrderTextExtractor.GetText(page));
            }

            return text.ToString();
        }
        catch (Exception ex) when (ex is not InvalidDataException and not OutOfMemoryException)
        {
            throw new InvalidDataException($"'{fileName}' is damaged or encrypted.", ex);
        }
    }
}
