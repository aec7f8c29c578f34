namespace NxtAIGen.Abstractions;

/// <summary>Which providers exist and how each is set up; bound from the <c>NxtAIGen</c> configuration section.</summary>
public sealed class ChatProviderRegistryOptions
{
    /// <summary>Gets or sets the provider id used when a request names none. Default: the first enabled, configured provider.</summary>
    public string? DefaultProvider { get; set; }

    /// <summary>Gets the settings of each provider id (<c>NxtAIGen:Providers:&lt;id&gt;</c>). Ids are case-insensitive.</summary>
    public Dictionary<string, ChatProviderOptions> Providers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the settings of <paramref name="id"/>, adding empty ones if there are none.</summary>
    /// <param name="id">The provider id.</param>
    /// <returns>The settings.</returns>
    public ChatProviderOptions GetOrAdd(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (!Providers.TryGetValue(id, out var options))
        {
            options = new ChatProviderOptions();
            Providers[id] = options;
        }

        return options;
    }
}
