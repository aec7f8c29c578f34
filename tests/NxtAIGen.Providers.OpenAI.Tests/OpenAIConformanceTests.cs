using NxtAIGen.Abstractions;
using NxtAIGen.Testing;

namespace NxtAIGen.Providers.OpenAI.Tests;

/// <summary>The OpenAI family on the shared conformance suite.</summary>
public sealed class OpenAIConformanceTests : ProviderConformanceTests
{
    protected override IReadOnlyList<string> FixtureFolders => TestProviders.FixtureFolders;

    protected override StreamComparisonOptions ComparisonOptions => StreamComparisonOptions.OpenAIStyle;

    protected override IChatStreamProvider CreateProvider(string fixtureFolder, HttpMessageHandler handler) =>
        TestProviders.Create(TestProviders.TypeForFixture(fixtureFolder), handler, TestApiKey);
}
