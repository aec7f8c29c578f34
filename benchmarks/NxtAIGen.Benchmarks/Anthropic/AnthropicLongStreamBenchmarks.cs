using BenchmarkDotNet.Attributes;
using NxtAIGen.Abstractions;

namespace NxtAIGen.Benchmarks.Anthropic;

/// <summary>
/// A long Anthropic answer (1,000 <c>text_delta</c> events from <c>anthropic/text-recorded</c>, with its start and end
/// events) read four ways on the same bytes; every figure is per text chunk.
/// </summary>
[MemoryDiagnoser]
public class AnthropicLongStreamBenchmarks
{
    private readonly ChatRequest _request = new() { Messages = [ChatMessage.User("Hello")] };
    private IChatStreamProvider _provider = null!;
    private AnthropicSdkReader _sdk = null!;
    private HttpClient _client = null!;

    [GlobalSetup]
    public void Setup()
    {
        var body = NativeStreamBody.BuildSse("anthropic/text-recorded", e => e.Contains("\"type\":\"text_delta\"", StringComparison.Ordinal));
        _provider = NativeProviders.Create("anthropic", body);
        _sdk = new AnthropicSdkReader(body);
        _client = HandTunedReaders.CreateClient(body);
        NativeStreamBody.CheckSameText(Ours, AnthropicSdk, HandTunedLines, HandTunedSseParser);
    }

    /// <summary>Ours: <c>StreamAsync</c> of the provider, as an app calls it.</summary>
    [Benchmark(OperationsPerInvoke = NativeStreamBody.Chunks)]
    public Task<int> Ours() => NativeProviders.ReadTextAsync(_provider, _request);

    /// <summary>The official SDK (Anthropic 13.13.0): <c>Messages.CreateStreaming</c>.</summary>
    [Benchmark(OperationsPerInvoke = NativeStreamBody.Chunks)]
    public Task<int> AnthropicSdk() => _sdk.ReadTextAsync();

    /// <summary>Hand-tuned: <c>PipeReader</c> lines + <c>Utf8JsonReader</c>, the practical limit.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = NativeStreamBody.Chunks)]
    public Task<int> HandTunedLines() => HandTunedReaders.ReadSseLinesAsync(_client, HandTunedJson.Anthropic);

    /// <summary>Hand-tuned with <c>SseParser</c> framing (as ours uses) + <c>Utf8JsonReader</c>.</summary>
    [Benchmark(OperationsPerInvoke = NativeStreamBody.Chunks)]
    public Task<int> HandTunedSseParser() => HandTunedReaders.ReadSseParserAsync(_client, HandTunedJson.Anthropic);
}
