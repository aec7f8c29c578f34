namespace NxtAIGen.AspNetCore;

/// <summary>
/// Turns an uploaded document into text for the prompt. NxtAIGen reads plain-text formats, PDF and DOCX; register
/// more (as singletons) for other formats. A file no extractor reads is refused with a 400, never dropped.
/// </summary>
public interface IDocumentTextExtractor
{
    /// <summary>Gets whether this extractor reads the file.</summary>
    /// <param name="mediaType">The media type the client gave, lower case, without parameters.</param>
    /// <param name="fileName">The file name the client gave.</param>
    /// <returns><see langword="true"/> when <see cref="ExtractText"/> can read it.</returns>
    bool CanRead(string mediaType, string fileName);

    /// <summary>Extracts the text.</summary>
    /// <param name="data">The file's bytes.</param>
    /// <param name="fileName">The file name, for messages.</param>
    /// <returns>The text.</returns>
    /// <exception cref="InvalidDataException">The file is damaged or not of the claimed type.</exception>
    string ExtractText(ReadOnlyMemory<byte> data, string fileName);
}
