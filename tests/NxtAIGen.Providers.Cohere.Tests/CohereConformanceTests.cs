using NxtAIGen.Abstractions;
using NxtAIGen.Testing;

namespace NxtAIGen.Providers.Cohere.Tests;

/// <summary>Cohere on the shared conformance suite: every stream ends with <c>message-end</c>, or it was cut off.</summary>
public sealed class CohereConformanceTests : ProviderConformanceTests
{
    protected override IReadOnlyList<string> FixtureFolders { get; } = ["cohere"];

    protected override StreamComparisonOptions ComparisonOptions { get; } = new()
    {
        ExpectIncomplete = e => e.Error is null && e.FinishReason is null,
    };

    protected override IChatStreamProvider CreateProvider(string fixtureFolder, HttpMessageHandler handler) =>
        TestProviders.Create(handler, TestApiKey);

    protected override string ErrorBody(int status, string message) =>
        "{\"id\":\"d6c5a8c1-0000-4000-8000-000000000000\",\"message\":\"" + message + "\"}";
}
