using NxtAIGen.Abstractions;

namespace NxtAIGen.PropertyTests;

/// <summary>One provider's stream parser under test: its fixture folders, content type and how to build it over a handler.</summary>
/// <param name="Name">The provider, for test names.</param>
/// <param name="Folders">The fixture folders under <c>Fixtures/streams</c> it parses.</param>
/// <param name="MediaType">The content type of its streamed responses.</param>
/// <param name="Create">Builds the provider for a fixture folder over an in-memory handler.</param>
internal sealed record ParserTarget(string Name, IReadOnlyList<string> Folders, string MediaType, Func<string, HttpMessageHandler, IChatStreamProvider> Create)
{
    /// <inheritdoc />
    public override string ToString() => Name;
}
