using BenchmarkDotNet.Attributes;
using NxtAIGen.Abstractions;
using NxtAIGen.Testing;

namespace NxtAIGen.Benchmarks;

/// <summary>Parses each recorded OpenAI-family body through the provider (HTTP in memory, SSE parser, JSON, chunk assembly).</summary>
[MemoryDiagnoser]
public class OpenAIStreamBenchmarks
{
    private static readonly string[] Folders =
        ["openai", "azure-openai", "deepseek", "mistral", "xai", "groq", "perplexity", "openrouter", "huggingface", "together", "fireworks", "openai-compatible"];

    private readonly ChatRequest _request = new() { Messages = [ChatMessage.User("Hello")] };
    private IChatStreamProvider _provider = null!;

    [ParamsSource(nameof(Fixtures))]
    public string Fixture { get; set; } = string.Empty;

    public static IEnumerable<string> Fixtures() => StreamFixture.ListIds(Folders);

    [GlobalSetup]
    public void Setup()
    {
        var fixture = StreamFixture.Load(Fixture);
        _provider = BenchmarkProviders.Create(BenchmarkProviders.TypeForFixture(fixture.Provider), fixture.Body);
    }

    [Benchmark]
    public Task<int> Parse() => BenchmarkProviders.DrainAsync(_provider, _request);
}
