namespace NxtAIGen.Abstractions;

/// <summary>What the registry knows about one provider id, for listing it to users.</summary>
public sealed record ChatProviderDescriptor
{
    /// <summary>Gets the provider id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the display name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the type the provider is built from.</summary>
    public required string Type { get; init; }

    /// <summary>Gets whether the provider is offered.</summary>
    public bool Enabled { get; init; }

    /// <summary>Gets whether a server-wide key is configured, or none is needed.</summary>
    public bool Configured { get; init; }

    /// <summary>Gets whether the provider needs a key (server-wide or the user's own).</summary>
    public bool RequiresApiKey { get; init; }

    /// <summary>Gets the model used when a request names none.</summary>
    public string? DefaultModel { get; init; }

    /// <summary>Gets what the provider accepts.</summary>
    public ChatCapabilities Capabilities { get; init; }
}
