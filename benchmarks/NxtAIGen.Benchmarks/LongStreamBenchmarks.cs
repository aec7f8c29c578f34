using System.Text;
using BenchmarkDotNet.Attributes;
using NxtAIGen.Abstractions;
using NxtAIGen.Testing;

namespace NxtAIGen.Benchmarks;

/// <summary>A long answer: 1,000 content chunks (from <c>openai/text-usage-chunk</c>), then finish, usage and <c>[DONE]</c>.</summary>
[MemoryDiagnoser]
public class LongStreamBenchmarks
{
    public const int Chunks = 1000;

    private readonly ChatRequest _request = new() { Messages = [ChatMessage.User("Hello")] };
    private IChatStreamProvider _provider = null!;

    [GlobalSetup]
    public void Setup() => _provider = BenchmarkProviders.Create("openai", BuildBody());

    [Benchmark]
    public Task<int> Parse1000Chunks() => BenchmarkProviders.DrainAsync(_provider, _request);

    /// <summary>Repeats the fixture's content events; keeps its first (role) event and its finish, usage and [DONE] tail.</summary>
    public static byte[] BuildBody()
    {
        var events = Encoding.UTF8.GetString(StreamFixture.Load("openai/text-usage-chunk").Body)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        var content = events.Where(e => e.Contains("\"content\":\"", StringComparison.Ordinal) && e.Contains("\"finish_reason\":null", StringComparison.Ordinal)).ToArray();
        var tail = events.SkipWhile(e => !e.Contains("\"finish_reason\":\"stop\"", StringComparison.Ordinal)).ToArray();
        var body = new StringBuilder();
        body.Append(events[0]).Append("\n\n");
        for (var i = 0; i < Chunks; i++)
        {
            body.Append(content[i % content.Length]).Append("\n\n");
        }

        foreach (var e in tail)
        {
            body.Append(e).Append("\n\n");
        }

        return Encoding.UTF8.GetBytes(body.ToString());
    }
}
