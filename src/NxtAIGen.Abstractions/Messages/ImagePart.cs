namespace NxtAIGen.Abstractions;

/// <summary>An image, as bytes with their media type, or as a URL the provider fetches itself.</summary>
public sealed class ImagePart : ChatPart
{
    /// <summary>Creates an image part from bytes.</summary>
    /// <param name="data">The encoded image.</param>
    /// <param name="mediaType">For example <c>image/png</c>.</param>
    public ImagePart(ReadOnlyMemory<byte> data, string mediaType)
    {
        ArgumentException.ThrowIfNullOrEmpty(mediaType);
        Data = data;
        MediaType = mediaType;
    }

    /// <summary>Creates an image part that refers to a URL. The URL is passed to the provider, never fetched by NxtAIGen.</summary>
    /// <param name="url">An absolute http(s) or data URL.</param>
    /// <param name="mediaType">The media type, when known.</param>
    public ImagePart(Uri url, string? mediaType = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        Url = url;
        MediaType = mediaType ?? "image/*";
    }

    /// <summary>Gets the encoded image; empty when <see cref="Url"/> is set.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>Gets the media type.</summary>
    public string MediaType { get; }

    /// <summary>Gets the image URL, when the image is given by reference.</summary>
    public Uri? Url { get; }

    /// <summary>Gets the image as a <c>data:</c> URL (or <see cref="Url"/> when given by reference).</summary>
    /// <returns>The URL text.</returns>
    public string ToDataUrl() => Url is not null
        ? Url.OriginalString
        : string.Concat("data:", MediaType, ";base64,", Convert.ToBase64String(Data.Span));
}
