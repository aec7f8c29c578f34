namespace NxtAIGen.Abstractions;

/// <summary>
/// A kind of provider a package contributes: its defaults and how to create it. Built-in ids
/// (<c>openai</c>, <c>deepseek</c>, ...) are registrations listed by default; a configured id with
/// <c>Type: openai-compatible</c> uses the registration named by its type.
/// </summary>
public sealed class ChatProviderRegistration
{
    /// <summary>Gets the type name; for a built-in provider this is also its id.</summary>
    public required string Type { get; init; }

    /// <summary>Gets the display name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets what the provider accepts.</summary>
    public ChatCapabilities Capabilities { get; init; }

    /// <summary>Gets the service root used when no <see cref="ChatProviderOptions.BaseUrl"/> is configured; <see langword="null"/> when one must be configured.</summary>
    public Uri? DefaultBaseUrl { get; init; }

    /// <summary>Gets the model used when neither the request nor the configuration names one.</summary>
    public string? DefaultModel { get; init; }

    /// <summary>
    /// Gets whether the provider talks to a service, so that a base URL (<see cref="DefaultBaseUrl"/> or a configured one) is
    /// required. <see langword="false"/> for providers that need no network, such as the offline demo. Default <see langword="true"/>.
    /// </summary>
    public bool RequiresBaseUrl { get; init; } = true;

    /// <summary>Gets whether the provider needs an API key to work (<see langword="false"/> for local servers and the demo).</summary>
    public bool RequiresApiKey { get; init; } = true;

    /// <summary>Gets whether the type is offered under its own name without any configuration (<see langword="false"/> for templates such as <c>openai-compatible</c>).</summary>
    public bool IsBuiltIn { get; init; } = true;

    /// <summary>Gets the factory that creates a provider from its resolved settings.</summary>
    public required Func<IServiceProvider, ChatProviderSettings, IChatStreamProvider> Create { get; init; }
}
