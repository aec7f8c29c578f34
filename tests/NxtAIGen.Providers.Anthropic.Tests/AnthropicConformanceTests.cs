using NxtAIGen.Abstractions;
using NxtAIGen.Testing;

namespace NxtAIGen.Providers.Anthropic.Tests;

/// <summary>The Anthropic provider on the shared conformance suite.</summary>
public sealed class AnthropicConformanceTests : ProviderConformanceTests
{
    protected override IReadOnlyList<string> FixtureFolders => ["anthropic"];

    protected override IChatStreamProvider CreateProvider(string fixtureFolder, HttpMessageHandler handler) =>
        TestProviders.Create(handler, TestApiKey);

    /// <summary>Anthropic's own error shape, with the type it sends for each status.</summary>
    protected override string ErrorBody(int status, string message) =>
        "{\"type\":\"error\",\"error\":{\"type\":\"" + AnthropicHttpErrorTests.ErrorType(status) + "\",\"message\":\"" + message + "\"},\"request_id\":\"req_011CTest\"}";
}
