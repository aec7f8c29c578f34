namespace NxtAIGen.AspNetCore;

/// <summary>A decrypted key (and optional service root) for one upstream call. Its text form never shows the key.</summary>
public sealed record ProviderCredentials
{
    /// <summary>Initializes the credentials.</summary>
    /// <param name="apiKey">The API key.</param>
    /// <param name="baseUrl">The service root to use instead of the configured one, if any.</param>
    public ProviderCredentials(string apiKey, Uri? baseUrl = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiKey);
        ApiKey = apiKey;
        BaseUrl = baseUrl;
    }

    /// <summary>Gets the API key. Never log it.</summary>
    public string ApiKey { get; }

    /// <summary>Gets the service root to use instead of the configured one, or <see langword="null"/>.</summary>
    public Uri? BaseUrl { get; }

    /// <summary>Returns a description without the key.</summary>
    /// <returns>A text safe to log.</returns>
    public override string ToString() => $"ProviderCredentials {{ ApiKey = ***, BaseUrl = {BaseUrl} }}";
}
