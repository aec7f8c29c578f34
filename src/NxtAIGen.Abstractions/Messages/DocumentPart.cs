namespace NxtAIGen.Abstractions;

/// <summary>
/// A document attached to a message. Providers that read the format natively (see
/// <see cref="ChatCapabilities.Documents"/>) get <see cref="Data"/>; the others get <see cref="Text"/>.
/// </summary>
public sealed class DocumentPart : ChatPart
{
    /// <summary>Creates a document part.</summary>
    /// <param name="name">The file name shown to the model.</param>
    /// <param name="mediaType">For example <c>application/pdf</c> or <c>text/plain</c>.</param>
    /// <param name="data">The original bytes, if kept.</param>
    /// <param name="text">The extracted text, if any.</param>
    public DocumentPart(string name, string mediaType, ReadOnlyMemory<byte> data = default, string? text = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(mediaType);
        if (data.IsEmpty && text is null)
        {
            throw new ArgumentException("A document needs its bytes, its extracted text, or both.", nameof(text));
        }

        Name = name;
        MediaType = mediaType;
        Data = data;
        Text = text;
    }

    /// <summary>Gets the file name.</summary>
    public string Name { get; }

    /// <summary>Gets the media type.</summary>
    public string MediaType { get; }

    /// <summary>Gets the original bytes; empty when only text was kept.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>Gets the extracted text, when available.</summary>
    public string? Text { get; }
}
