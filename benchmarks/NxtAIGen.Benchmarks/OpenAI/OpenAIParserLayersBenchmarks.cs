using BenchmarkDotNet.Attributes;
using NxtAIGen.Providers.OpenAI.Internal;

namespace NxtAIGen.Benchmarks;

/// <summary>
/// Where the time of <see cref="OpenAILongStreamBenchmarks"/> goes: the same 1,000-chunk body read from a
/// <see cref="MemoryStream"/> (no <see cref="HttpClient"/>) by the hand-tuned baseline and by the OpenAI stream parser
/// alone (no provider layer). Figures are per text chunk.
/// </summary>
[MemoryDiagnoser]
public class OpenAIParserLayersBenchmarks
{
    private byte[] _body = null!;
    private byte[][] _events = null!;

    [GlobalSetup]
    public void Setup()
    {
        _body = OpenAILongStreamBenchmarks.BuildBody();
        _events = [.. System.Text.Encoding.UTF8.GetString(_body).Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(e => System.Text.Encoding.UTF8.GetBytes(e["data: ".Length..])).Skip(1).Take(OpenAILongStreamBenchmarks.Chunks)];
    }

    /// <summary>The baseline's JSON step alone: <c>Utf8JsonReader</c> to <c>choices[0].delta.content</c>, per event.</summary>
    [Benchmark(OperationsPerInvoke = OpenAILongStreamBenchmarks.Chunks)]
    public int HandTunedJsonOnly()
    {
        var length = 0;
        foreach (var e in _events)
        {
            length += OpenAIHandTunedParser.ParseContent("message", e)?.Length ?? 0;
        }

        return length;
    }

    /// <summary>Every token of each event walked with <c>Utf8JsonReader</c>, nothing compared or allocated: the floor for
    /// a parser that must see the whole event (the finish reason and usage follow the text).</summary>
    [Benchmark(OperationsPerInvoke = OpenAILongStreamBenchmarks.Chunks)]
    public int EveryTokenOnly()
    {
        var tokens = 0;
        foreach (var e in _events)
        {
            var reader = new System.Text.Json.Utf8JsonReader(e);
            while (reader.Read())
            {
                tokens++;
            }
        }

        return tokens;
    }

    /// <summary>Our fast path's JSON step alone (the whole event into the reused chunk), per event.</summary>
    [Benchmark(OperationsPerInvoke = OpenAILongStreamBenchmarks.Chunks)]
    public int JsonOnly()
    {
        var parser = new OpenAIStreamParser("openai", "sk-bench");
        var length = 0;
        foreach (var e in _events)
        {
            length += parser.TryReadCommonEvent(e, out var chunk) ? chunk.Choices![0].Delta!.Content.Text!.Length : 0;
        }

        return length;
    }

    /// <summary>The hand-tuned baseline over the bytes.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = OpenAILongStreamBenchmarks.Chunks)]
    public Task<int> HandTunedOnly() => OpenAIHandTunedParser.ReadAsync(new MemoryStream(_body, writable: false));

    /// <summary>The OpenAI stream parser over the bytes: SSE, JSON, chunk assembly; no HTTP and no provider layer.</summary>
    [Benchmark(OperationsPerInvoke = OpenAILongStreamBenchmarks.Chunks)]
    public async Task<int> ParserOnly()
    {
        var length = 0;
        var parser = new OpenAIStreamParser("openai", "sk-bench");
        await foreach (var chunk in parser.ParseAsync(new MemoryStream(_body, writable: false), CancellationToken.None).ConfigureAwait(false))
        {
            length += chunk.Text?.Length ?? 0;
        }

        return length;
    }
}
