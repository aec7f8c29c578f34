using NxtAIGen.Abstractions;
using NxtAIGen.Testing;

namespace NxtAIGen.Providers.Ollama.Tests;

/// <summary>Ollama on the shared conformance suite: NDJSON, events end at newlines, a body must reach <c>done: true</c>.</summary>
public sealed class OllamaConformanceTests : ProviderConformanceTests
{
    protected override IReadOnlyList<string> FixtureFolders { get; } = ["ollama"];

    protected override StreamComparisonOptions ComparisonOptions { get; } = new()
    {
        ExpectIncomplete = e => e.Error is null && e.SawDone != true,
    };

    protected override string StreamMediaType => TestProviders.NdjsonMediaType;

    protected override IChatStreamProvider CreateProvider(string fixtureFolder, HttpMessageHandler handler) =>
        TestProviders.Create(handler, TestApiKey);

    protected override string ErrorBody(int status, string message) => "{\"error\":\"" + message + "\"}";
}
