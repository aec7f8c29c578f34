using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace NxtAIGen.AspNetCore.Documents;

/// <summary>Reads the text of a Word document (DOCX) with the Open XML SDK: paragraphs, tables as tab-separated rows, line breaks.</summary>
internal sealed class DocxTextExtractor : IDocumentTextExtractor
{
    private const string DocxMediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public bool CanRead(string mediaType, string fileName) =>
        mediaType == DocxMediaType
        || ((mediaType == "application/octet-stream" || mediaType.Length == 0) && fileName.EndsWith(".docx", StringComparison.OrdinalIgnoreCase));

    public string ExtractText(ReadOnlyMemory<byte> data, string fileName)
    {
        try
        {
            using var stream = new MemoryStream(data.ToArray(), writable: false);
            using var document = WordprocessingDocument.Open(stream, isEditable: false);
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw new InvalidDataException($"'{fileName}' has no document body.");
            var text = new StringBuilder();
            AppendBlocks(body, text);
            return text.ToString().Trim();
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or FileFormatException or IOException or System.Xml.XmlException)
        {
            throw new InvalidDataException($"'{fileName}' is not a readable DOCX file.", ex);
        }
    }

    private static void AppendBlocks(OpenXmlElement container, StringBuilder text)
    {
        foreach (var element in container.Elements())
        {
            switch (element)
            {
                case Paragraph paragraph:
                    AppendParagraph(paragraph, text);
                    text.Append('\n');
                    break;
                case Table table:
                    foreach (var row in table.Elements<TableRow>())
                    {
                        var cells = row.Elements<TableCell>().Select(cell =>
                        {
                            var cellText = new StringBuilder();
                            foreach (var p in cell.Elements<Paragraph>())
                            {
                                AppendParagraph(p, cellText);
                                cellText.Append(' ');
                            }

                            return cellText.ToString().Trim();
                        });
                        text.AppendJoin('\t', cells).Append('\n');
                    }

                    text.Append('\n');
                    break;
                case SdtBlock block:
                    AppendBlocks(block.SdtContentBlock ?? (OpenXmlElement)block, text);
                    break;
            }
        }
    }

    private static void AppendParagraph(Paragraph paragraph, StringBuilder text)
    {
        foreach (var node in paragraph.Descendants())
        {
            switch (node)
            {
                case Text t:
                    text.Append(t.Text);
                    break;
                case TabChar:
                    text.Append('\t');
                    break;
                case Break or CarriageReturn:
                    text.Append('\n');
                    break;
            }
        }
    }
}
