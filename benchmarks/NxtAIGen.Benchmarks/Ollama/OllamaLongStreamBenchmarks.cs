using BenchmarkDotNet.Attributes;
using NxtAIGen.Abstractions;

namespace NxtAIGen.Benchmarks.Ollama;

/// <summary>
/// A long Ollama <c>/api/chat</c> answer (1,000 content lines from <c>ollama/chat-text-docs</c>, then its <c>done</c>
/// line) read three ways on the same bytes; every figure is per text chunk.
/// </summary>
[MemoryDiagnoser]
public class OllamaLongStreamBenchmarks
{
    private readonly ChatRequest _request = new() { Messages = [ChatMessage.User("Hello")] };
    private IChatStreamProvider _provider = null!;
    private OllamaSharpReader _sdk = null!;
    private HttpClient _client = null!;

    [GlobalSetup]
    public void Setup()
    {
        var body = NativeStreamBody.BuildNdjson("ollama/chat-text-docs", l => l.Contains("\"done\":false", StringComparison.Ordinal));
        _provider = NativeProviders.Create("ollama", body);
        _sdk = new OllamaSharpReader(body);
        _client = HandTunedReaders.CreateClient(body);
        NativeStreamBody.CheckSameText(Ours, OllamaSharp, HandTunedLines);
    }

    /// <summary>Ours: <c>StreamAsync</c> of the provider, as an app calls it.</summary>
    [Benchmark(OperationsPerInvoke = NativeStreamBody.Chunks)]
    public Task<int> Ours() => NativeProviders.ReadTextAsync(_provider, _request);

    /// <summary>OllamaSharp 5.5.2: <c>ChatAsync</c>.</summary>
    [Benchmark(OperationsPerInvoke = NativeStreamBody.Chunks)]
    public Task<int> OllamaSharp() => _sdk.ReadTextAsync();

    /// <summary>Hand-tuned: <c>PipeReader</c> lines + <c>Utf8JsonReader</c>, the practical limit.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = NativeStreamBody.Chunks)]
    public Task<int> HandTunedLines() => HandTunedReaders.ReadNdjsonAsync(_client, HandTunedJson.Ollama);
}
