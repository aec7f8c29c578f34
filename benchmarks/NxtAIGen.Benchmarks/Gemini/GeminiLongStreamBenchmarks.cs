using BenchmarkDotNet.Attributes;
using NxtAIGen.Abstractions;

namespace NxtAIGen.Benchmarks.Gemini;

/// <summary>
/// A long Gemini <c>alt=sse</c> answer (1,000 events from <c>gemini/text-basic</c>, each with its usage and model
/// version, then the event carrying <c>finishReason</c>) read on the same bytes; every figure is per text chunk. No
/// .NET Gemini SDK is in the package list this machine restores from, so the comparison is with the baselines only.
/// </summary>
[MemoryDiagnoser]
public class GeminiLongStreamBenchmarks
{
    private readonly ChatRequest _request = new() { Messages = [ChatMessage.User("Hello")] };
    private IChatStreamProvider _provider = null!;
    private HttpClient _client = null!;

    [GlobalSetup]
    public void Setup()
    {
        var body = NativeStreamBody.BuildSse("gemini/text-basic", e => e.Contains("\"text\"", StringComparison.Ordinal) && !e.Contains("finishReason", StringComparison.Ordinal));
        _provider = NativeProviders.Create("gemini", body);
        _client = HandTunedReaders.CreateClient(body);
        NativeStreamBody.CheckSameText(Ours, HandTunedLines, HandTunedSseParser);
    }

    /// <summary>Ours: <c>StreamAsync</c> of the provider, as an app calls it.</summary>
    [Benchmark(OperationsPerInvoke = NativeStreamBody.Chunks)]
    public Task<int> Ours() => NativeProviders.ReadTextAsync(_provider, _request);

    /// <summary>Hand-tuned: <c>PipeReader</c> lines + <c>Utf8JsonReader</c>, the practical limit.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = NativeStreamBody.Chunks)]
    public Task<int> HandTunedLines() => HandTunedReaders.ReadSseLinesAsync(_client, HandTunedJson.Gemini);

    /// <summary>Hand-tuned with <c>SseParser</c> framing + <c>Utf8JsonReader</c>.</summary>
    [Benchmark(OperationsPerInvoke = NativeStreamBody.Chunks)]
    public Task<int> HandTunedSseParser() => HandTunedReaders.ReadSseParserAsync(_client, HandTunedJson.Gemini);
}
