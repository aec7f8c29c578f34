using Acme.NxtAIGen;
using NxtAIGen.Abstractions;
using NxtAIGen.Testing;

namespace NxtAIGen.Docs.Tests;

/// <summary>The example provider of docs/writing-a-provider.md on the shared conformance suite, as the doc shows.</summary>
public sealed class AcmeConformanceTests : ProviderConformanceTests
{
    protected override IReadOnlyList<string> FixtureFolders { get; } = ["acme"];

    // A body that stops before its `end` event must end with an Incomplete error, never a normal finish.
    protected override StreamComparisonOptions ComparisonOptions { get; } = new()
    {
        ExpectIncomplete = expected => expected.Error is null && expected.SawDone != true,
    };

    protected override IChatStreamProvider CreateProvider(string fixtureFolder, HttpMessageHandler handler) =>
        new AcmeChatStreamProvider(
            new ChatProviderSettings
            {
                Id = "acme",
                Type = "acme",
                Name = "Acme",
                ApiKey = TestApiKey,
                BaseUrl = new Uri("https://api.acme.example/"),
                DefaultModel = "acme-1",
            },
            new HttpClient(handler),
            TimeProvider.System);
}
