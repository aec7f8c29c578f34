namespace NxtAIGen.Abstractions;

/// <summary>The effective settings of one provider id: configuration merged over its registration's defaults.</summary>
public sealed record ChatProviderSettings
{
    /// <summary>Gets the provider id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the type (the registration) the provider is built from.</summary>
    public required string Type { get; init; }

    /// <summary>Gets the display name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the API key to use for this provider instance, if any.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Gets the service root.</summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>Gets the default model.</summary>
    public string? DefaultModel { get; init; }

    /// <summary>Gets what the provider accepts.</summary>
    public ChatCapabilities Capabilities { get; init; }

    /// <summary>Gets extra headers for every request.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets configured model ids, offered when listing is not possible.</summary>
    public IReadOnlyList<string> Models { get; init; } = [];

    /// <summary>Returns the text of the record without the API key.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() => $"{Id} ({Type}) {BaseUrl} model={DefaultModel} key={(ApiKey is null ? "none" : "set")}";
}
