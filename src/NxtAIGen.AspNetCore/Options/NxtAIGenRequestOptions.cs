namespace NxtAIGen.AspNetCore;

/// <summary>Limits on what a chat request may carry (<c>NxtAIGen:Requests</c>). Over a limit is a 413 or 400, never a silent drop.</summary>
public sealed class NxtAIGenRequestOptions
{
    /// <summary>Gets or sets the largest request body in bytes (base64 files included). Default 32 MiB.</summary>
    /// <value>Between 1 KiB and 1 GiB.</value>
    public long MaxRequestBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>Gets or sets the most messages in one request. Default 500.</summary>
    /// <value>Between 1 and 10,000.</value>
    public int MaxMessages { get; set; } = 500;

    /// <summary>Gets or sets the most files in one request. Default 10.</summary>
    /// <value>Between 0 and 100.</value>
    public int MaxFiles { get; set; } = 10;

    /// <summary>Gets or sets the largest single file in bytes (decoded). Default 10 MiB.</summary>
    /// <value>Between 1 KiB and 512 MiB.</value>
    public long MaxFileBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>Gets or sets the most characters of text taken from one document. Default 200,000; a longer document is refused.</summary>
    /// <value>Between 1,000 and 10,000,000.</value>
    public int MaxDocumentChars { get; set; } = 200_000;

    /// <summary>
    /// Gets or sets the history budget in estimated tokens (<c>NxtAIGen:Requests:MaxHistoryTokens</c>): a longer history
    /// is trimmed before it goes upstream, oldest turns first, always keeping system messages and the last user turn.
    /// The estimate is cheap, not a tokenizer: about four characters per token, 1,000 per image, 4 per message. Default
    /// <see langword="null"/>: no trimming (the provider refuses what does not fit its context window).
    /// </summary>
    /// <value>Between 100 and 10,000,000, or <see langword="null"/>.</value>
    public int? MaxHistoryTokens { get; set; }
}
