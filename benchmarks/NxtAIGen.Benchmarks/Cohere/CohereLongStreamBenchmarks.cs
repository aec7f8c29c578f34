using BenchmarkDotNet.Attributes;
using NxtAIGen.Abstractions;

namespace NxtAIGen.Benchmarks.Cohere;

/// <summary>
/// A long Cohere v2 chat answer (1,000 <c>content-delta</c> events from <c>cohere/text</c>, with its start and end
/// events) read on the same bytes; every figure is per text chunk. No .NET Cohere SDK is in the package list this machine restores from, so the comparison is with the baselines only.
/// </summary>
[MemoryDiagnoser]
public class CohereLongStreamBenchmarks
{
    private readonly ChatRequest _request = new() { Messages = [ChatMessage.User("Hello")] };
    private IChatStreamProvider _provider = null!;
    private HttpClient _client = null!;

    [GlobalSetup]
    public void Setup()
    {
        var body = NativeStreamBody.BuildSse("cohere/text", e => e.Contains("\"type\":\"content-delta\"", StringComparison.Ordinal));
        _provider = NativeProviders.Create("cohere", body);
        _client = HandTunedReaders.CreateClient(body);
        NativeStreamBody.CheckSameText(Ours, HandTunedLines, HandTunedSseParser);
    }

    /// <summary>Ours: <c>StreamAsync</c> of the provider, as an app calls it.</summary>
    [Benchmark(OperationsPerInvoke = NativeStreamBody.Chunks)]
    public Task<int> Ours() => NativeProviders.ReadTextAsync(_provider, _request);

    /// <summary>Hand-tuned: <c>PipeReader</c> lines + <c>Utf8JsonReader</c>, the practical limit.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = NativeStreamBody.Chunks)]
    public Task<int> HandTunedLines() => HandTunedReaders.ReadSseLinesAsync(_client, HandTunedJson.Cohere);

    /// <summary>Hand-tuned with <c>SseParser</c> framing + <c>Utf8JsonReader</c>.</summary>
    [Benchmark(OperationsPerInvoke = NativeStreamBody.Chunks)]
    public Task<int> HandTunedSseParser() => HandTunedReaders.ReadSseParserAsync(_client, HandTunedJson.Cohere);
}
