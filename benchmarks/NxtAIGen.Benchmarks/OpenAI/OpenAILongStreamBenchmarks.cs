using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;
using NxtAIGen.Abstractions;
using NxtAIGen.Testing;
using NxtChatMessage = NxtAIGen.Abstractions.ChatMessage;

namespace NxtAIGen.Benchmarks;

/// <summary>
/// A long answer: 1,000 content chunks (from <c>openai/text-usage-chunk</c>), then finish, usage and <c>[DONE]</c>,
/// read by NxtAIGen, the official <c>OpenAI</c> package, Microsoft.Extensions.AI's OpenAI client and a hand-tuned
/// baseline. Every method sends one request through an <see cref="HttpClient"/> over the same in-memory body and reads
/// the whole answer; figures are per text chunk (<see cref="Chunks"/> operations per invoke).
/// </summary>
[MemoryDiagnoser]
public class OpenAILongStreamBenchmarks
{
    /// <summary>The number of text chunks in the body.</summary>
    public const int Chunks = 1000;

    private readonly ChatRequest _request = new() { Messages = [NxtChatMessage.User("Hello")] };
    private IChatStreamProvider _provider = null!;
    private OpenAI.Chat.ChatClient _sdk = null!;
    private IChatClient _extensionsAI = null!;
    private HttpClient _http = null!;

    [GlobalSetup]
    public void Setup()
    {
        var body = BuildBody();
        _provider = BenchmarkProviders.Create("openai", body);
        _sdk = OpenAISdkClients.CreateChatClient(body);
        _extensionsAI = OpenAISdkClients.CreateChatClient(body).AsIChatClient();
        _http = new HttpClient(new InMemoryHandler(body));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _http.Dispose();
        _extensionsAI.Dispose();
    }

    /// <summary>NxtAIGen's OpenAI provider, as an app calls it: <c>StreamAsync</c>, every chunk's text touched.</summary>
    [Benchmark(OperationsPerInvoke = Chunks)]
    public Task<int> NxtAIGenProvider() => BenchmarkProviders.DrainTextAsync(_provider, _request);

    /// <summary>The official <c>OpenAI</c> 2.15.0 package: <c>ChatClient.CompleteChatStreamingAsync</c>.</summary>
    [Benchmark(OperationsPerInvoke = Chunks)]
    public Task<int> OpenAISdk() => OpenAISdkClients.DrainSdkAsync(_sdk);

    /// <summary>Microsoft.Extensions.AI.OpenAI 10.11.0: <c>GetStreamingResponseAsync</c> over <c>AsIChatClient()</c>.</summary>
    [Benchmark(OperationsPerInvoke = Chunks)]
    public Task<int> ExtensionsAI() => OpenAISdkClients.DrainExtensionsAIAsync(_extensionsAI);

    /// <summary>The practical limit: the same HTTP call, then <c>SseParser</c> + <c>Utf8JsonReader</c> for the text only.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Chunks)]
    public async Task<int> HandTuned()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://localhost:8000/v1/chat/completions")
        {
            Content = new ByteArrayContent("{\"model\":\"gpt-4o\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}"u8.ToArray()),
        };
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        return await OpenAIHandTunedParser.ReadAsync(body).ConfigureAwait(false);
    }

    /// <summary>Repeats the fixture's content events; keeps its first (role) event and its finish, usage and [DONE] tail.</summary>
    public static byte[] BuildBody()
    {
        var events = Encoding.UTF8.GetString(StreamFixture.Load("openai/text-usage-chunk").Body)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        var content = events.Where(e => e.Contains("\"content\":\"", StringComparison.Ordinal) && e.Contains("\"finish_reason\":null", StringComparison.Ordinal)).Skip(1).ToArray();
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
