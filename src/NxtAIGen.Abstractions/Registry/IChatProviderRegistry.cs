using System.Diagnostics.CodeAnalysis;

namespace NxtAIGen.Abstractions;

/// <summary>Resolves provider ids to providers, from the registered provider packages and configuration.</summary>
public interface IChatProviderRegistry
{
    /// <summary>Gets every known provider id, enabled or not, sorted by id.</summary>
    IReadOnlyList<ChatProviderDescriptor> Providers { get; }

    /// <summary>Gets the id used when a request names no provider, or <see langword="null"/> when there is none.</summary>
    string? DefaultProviderId { get; }

    /// <summary>Finds a provider id.</summary>
    /// <param name="id">The id (case-insensitive).</param>
    /// <param name="descriptor">What is known about it.</param>
    /// <returns>Whether the id is known.</returns>
    bool TryGetDescriptor(string id, [NotNullWhen(true)] out ChatProviderDescriptor? descriptor);

    /// <summary>Gets a provider for <paramref name="id"/>.</summary>
    /// <param name="id">The id (case-insensitive).</param>
    /// <param name="apiKey">A key to use instead of the configured one (a user's own key), or <see langword="null"/>.</param>
    /// <returns>The provider.</returns>
    /// <exception cref="KeyNotFoundException">The id is unknown.</exception>
    IChatStreamProvider GetProvider(string id, string? apiKey = null);

    /// <summary>
    /// Gets a provider for <paramref name="id"/> that uses a caller's own key and service root (for example a user's
    /// own Ollama or OpenAI-compatible server) instead of the configured ones.
    /// </summary>
    /// <param name="id">The id (case-insensitive).</param>
    /// <param name="apiKey">A key to use instead of the configured one, or <see langword="null"/> for the configured key.</param>
    /// <param name="baseUrl">A service root to use instead of the configured one, or <see langword="null"/> for the configured root.</param>
    /// <returns>The provider.</returns>
    /// <exception cref="KeyNotFoundException">The id is unknown.</exception>
    /// <exception cref="NotSupportedException">A <paramref name="baseUrl"/> was given to a registry that cannot override it.</exception>
    IChatStreamProvider GetProvider(string id, string? apiKey, Uri? baseUrl) =>
        baseUrl is null ? GetProvider(id, apiKey) : throw new NotSupportedException("This provider registry cannot override the base URL.");
}
