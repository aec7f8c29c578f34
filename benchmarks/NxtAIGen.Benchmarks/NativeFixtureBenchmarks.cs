using BenchmarkDotNet.Attributes;
using NxtAIGen.Abstractions;
using NxtAIGen.Testing;

namespace NxtAIGen.Benchmarks;

/// <summary>
/// Each recorded Anthropic, Ollama, Gemini and Cohere body through its provider's whole path (HTTP in memory, framing,
/// JSON, chunk assembly); error fixtures end with their <see cref="NxtAIGenProviderException"/>, as in production.
/// </summary>
[MemoryDiagnoser]
public class NativeFixtureBenchmarks
{
    private readonly ChatRequest _request = new() { Messages = [ChatMessage.User("Hello")] };
    private IChatStreamProvider _provider = null!;

    [ParamsSource(nameof(Fixtures))]
    public string Fixture { get; set; } = string.Empty;

    public static IEnumerable<string> Fixtures() => StreamFixture.ListIds(["anthropic", "ollama", "gemini", "cohere"]);

    [GlobalSetup]
    public void Setup()
    {
        var fixture = StreamFixture.Load(Fixture);
        _provider = NativeProviders.Create(fixture.Provider, fixture.Body);
    }

    [Benchmark]
    public Task<int> Parse() => NativeProviders.ReadTextAsync(_provider, _request);
}
