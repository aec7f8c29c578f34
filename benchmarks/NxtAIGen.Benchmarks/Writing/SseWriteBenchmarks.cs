using System.IO.Pipelines;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using NxtAIGen.AspNetCore.Gateway;
using NxtAIGen.AspNetCore.Streaming;

namespace NxtAIGen.Benchmarks;

/// <summary>
/// The cost per SSE event of our two endpoints' serialisation: <c>content</c> events of <c>/chat/stream</c>
/// (<see cref="SseWriter"/>) and <c>chat.completion.chunk</c> events of the OpenAI gateway
/// (<see cref="OpenAIStreamWriter"/>), each flushed, to a <see cref="PipeWriter"/> over <see cref="Stream.Null"/>.
/// One invoke opens a writer (with its heartbeat timer), writes <see cref="Events"/> text events and disposes it;
/// figures are per event.
/// </summary>
[MemoryDiagnoser]
public class SseWriteBenchmarks
{
    /// <summary>The number of events per invoke.</summary>
    public const int Events = 1000;

    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    private readonly string[] _texts = ["I'm", " unable", " to", " provide", " real", "-time", " weather", " updates", ".", " \"quoted\"\n"];

    /// <summary>The <c>/chat/stream</c> endpoint's writer: <c>event: content</c> + <c>data: {"content":"..."}</c>.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public async Task NxtAIGenEvents()
    {
        var writer = new SseWriter(PipeWriter.Create(Stream.Null), TimeProvider.System, Heartbeat, CancellationToken.None);
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteStartAsync("s1", "openai", "gpt-4o").ConfigureAwait(false);
            for (var i = 0; i < Events; i++)
            {
                await writer.WriteContentAsync(_texts[i % _texts.Length]).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The OpenAI gateway's writer: <c>data: {"id":...,"choices":[{"delta":{"content":"..."}}]}</c>.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public async Task GatewayChunks()
    {
        var context = new DefaultHttpContext();
        context.Response.Body = Stream.Null;
        var writer = new OpenAIStreamWriter(context, TimeProvider.System, Heartbeat, "gpt-4o", includeUsage: false);
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteStartAsync("s1", "openai", "gpt-4o").ConfigureAwait(false);
            for (var i = 0; i < Events; i++)
            {
                await writer.WriteContentAsync(_texts[i % _texts.Length]).ConfigureAwait(false);
            }
        }
    }
}
