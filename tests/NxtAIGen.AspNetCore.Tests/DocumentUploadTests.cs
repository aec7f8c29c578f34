using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using NxtAIGen.Abstractions;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace NxtAIGen.AspNetCore.Tests;

public sealed class DocumentUploadTests
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    [Fact]
    public async Task Pdf_ForProviderWithoutNativeDocuments_IsSentAsItsText()
    {
        await using var app = await TestApp.StartAsync();
        app.Provider.NextCall().Finish();

        using var response = await PostFileAsync(app, "report.pdf", "application/pdf", MakePdf("Quarterly revenue grew"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = Assert.IsType<DocumentPart>(Assert.Single(app.Provider.Requests).Messages[0].Parts[1]);
        Assert.Equal("report.pdf", document.Name);
        Assert.Contains("Quarterly revenue grew", document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdf_ForProviderThatReadsDocuments_IsSentAsBytes()
    {
        await using var app = await TestApp.StartAsync(capabilities: ChatCapabilities.Documents);
        app.Provider.NextCall().Finish();
        var pdf = MakePdf("native");

        using var response = await PostFileAsync(app, "native.pdf", "application/pdf", pdf);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = Assert.IsType<DocumentPart>(Assert.Single(app.Provider.Requests).Messages[0].Parts[1]);
        Assert.Equal(pdf, document.Data.ToArray());
        Assert.Equal("application/pdf", document.MediaType);
    }

    [Fact]
    public async Task Docx_IsSentAsItsText()
    {
        await using var app = await TestApp.StartAsync();
        app.Provider.NextCall().Finish();

        using var response = await PostFileAsync(app, "minutes.docx", DocxType, MakeDocx("First paragraph.", "Second paragraph."));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = Assert.IsType<DocumentPart>(Assert.Single(app.Provider.Requests).Messages[0].Parts[1]);
        Assert.Equal("First paragraph.\nSecond paragraph.", document.Text);
    }

    [Theory]
    [InlineData("broken.pdf", "application/pdf")]
    [InlineData("broken.docx", DocxType)]
    public async Task DamagedDocument_Is400NamingTheFile(string name, string mediaType)
    {
        await using var app = await TestApp.StartAsync();

        using var response = await PostFileAsync(app, name, mediaType, "%PDF-1.7 this is not really a document"u8.ToArray());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(name, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(app.Provider.Requests);
    }

    private static Task<HttpResponseMessage> PostFileAsync(TestApp app, string name, string mediaType, byte[] data) =>
        app.PostRawAsync($$"""{"message": "Summarise", "files": [{"name": "{{name}}", "media_type": "{{mediaType}}", "data": "{{Convert.ToBase64String(data)}}"}]}""");

    private static byte[] MakePdf(string text)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        page.AddText(text, 12, new UglyToad.PdfPig.Core.PdfPoint(50, 700), font);
        return builder.Build();
    }

    private static byte[] MakeDocx(params string[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(paragraphs.Select(p => new Paragraph(new Run(new Text(p))))));
        }

        return stream.ToArray();
    }
}
