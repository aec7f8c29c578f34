namespace NxtAIGen.AspNetCore.Keys;

/// <summary>Rules for API key text: what is accepted, and how it is shown masked.</summary>
internal static class ApiKeyText
{
    /// <summary>The masking character run.</summary>
    private const string Dots = "••••••••";

    /// <summary>Keys shorter than this are masked entirely.</summary>
    private const int ShortestPartlyShown = 16;

    /// <summary>Checks a key: not empty, at most <paramref name="maxLength"/> characters, printable ASCII without spaces.</summary>
    /// <param name="apiKey">The key, already trimmed.</param>
    /// <param name="maxLength">The longest accepted key.</param>
    /// <returns>Why the key is refused (without the key), or <see langword="null"/> when it is acceptable.</returns>
    public static string? Validate(string? apiKey, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            return "The API key is empty.";
        }

        if (apiKey.Length > maxLength)
        {
            return $"The API key is longer than {maxLength} characters.";
        }

        foreach (var c in apiKey)
        {
            if (c is < '!' or > '~')
            {
                return "The API key may contain only printable ASCII characters, without spaces.";
            }
        }

        return null;
    }

    /// <summary>Masks a key for listings: the first 4 characters, a run of <c>•</c>, the last 4; keys under 16 characters entirely.</summary>
    /// <param name="apiKey">The key.</param>
    /// <returns>The masked text.</returns>
    public static string Mask(string apiKey)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        return apiKey.Length < ShortestPartlyShown
            ? Dots
            : string.Concat(apiKey.AsSpan(0, 4), Dots, apiKey.AsSpan(apiKey.Length - 4));
    }
}
