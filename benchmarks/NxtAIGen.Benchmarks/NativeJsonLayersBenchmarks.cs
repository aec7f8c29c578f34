using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using NxtAIGen.Providers.Anthropic.Internal;
using NxtAIGen.Providers.Cohere.Internal;
using NxtAIGen.Providers.Gemini.Internal;
using NxtAIGen.Providers.Ollama.Internal;

namespace NxtAIGen.Benchmarks;

/// <summary>
/// Where the time of the native long-stream benchmarks goes, for the JSON step alone: the same 1,000 text events
/// (their data, already framed) read three ways. <c>HandTunedToText</c> stops at the text, as the baselines do;
/// <c>EveryToken</c> only walks every token of the event with <see cref="Utf8JsonReader"/> (the floor for a parser
/// that must see the whole event, because finish reasons and usage may follow the text); <c>OurReader</c> is the
/// provider's fast path. Figures are per event.
/// </summary>
[MemoryDiagnoser]
public class NativeJsonLayersBenchmarks
{
    private byte[][] _events = null!;

    /// <summary>Gets or sets the format.</summary>
    [Params("anthropic", "cohere", "gemini", "ollama")]
    public string Format { get; set; } = "anthropic";

    [GlobalSetup]
    public void Setup()
    {
        var (body, separator, prefix) = Format switch
        {
            "anthropic" => (NativeStreamBody.BuildSse("anthropic/text-recorded", e => e.Contains("\"type\":\"text_delta\"", StringComparison.Ordinal)), "\n\n", "data: "),
            "cohere" => (NativeStreamBody.BuildSse("cohere/text", e => e.Contains("\"type\":\"content-delta\"", StringComparison.Ordinal)), "\n\n", "data: "),
            "gemini" => (NativeStreamBody.BuildSse("gemini/text-basic", e => e.Contains("\"text\"", StringComparison.Ordinal) && !e.Contains("finishReason", StringComparison.Ordinal)), "\n\n", "data: "),
            _ => (NativeStreamBody.BuildNdjson("ollama/chat-text-docs", l => l.Contains("\"done\":false", StringComparison.Ordinal)), "\n", string.Empty),
        };

        _events = [.. Encoding.UTF8.GetString(body).Split(separator, StringSplitOptions.RemoveEmptyEntries)
            .Select(e => e.Split('\n').Single(l => l.StartsWith(prefix, StringComparison.Ordinal))[prefix.Length..])
            .Select(Encoding.UTF8.GetBytes)
            .Where(e => HandTuned(e) is not null)
            .Take(NativeStreamBody.Chunks)];
        if (_events.Length != NativeStreamBody.Chunks || _events.Sum(e => Ours(e)?.Length ?? 0) != _events.Sum(e => HandTuned(e)?.Length ?? 0))
        {
            throw new InvalidOperationException($"{Format}: expected {NativeStreamBody.Chunks} text events with the same text, got {_events.Length}.");
        }
    }

    /// <summary>The baselines' JSON step: <c>Utf8JsonReader</c> down the text's path, stopping at it.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = NativeStreamBody.Chunks)]
    public int HandTunedToText()
    {
        var length = 0;
        foreach (var e in _events)
        {
            length += HandTuned(e)?.Length ?? 0;
        }

        return length;
    }

    /// <summary>Every token of the event read, nothing compared or allocated.</summary>
    [Benchmark(OperationsPerInvoke = NativeStreamBody.Chunks)]
    public int EveryToken()
    {
        var tokens = 0;
        foreach (var e in _events)
        {
            var reader = new Utf8JsonReader(e);
            while (reader.Read())
            {
                tokens++;
            }
        }

        return tokens;
    }

    /// <summary>The provider's fast path: the whole event checked, the text (and Gemini's usage) read.</summary>
    [Benchmark(OperationsPerInvoke = NativeStreamBody.Chunks)]
    public int OurReader()
    {
        var length = 0;
        foreach (var e in _events)
        {
            length += Ours(e)?.Length ?? 0;
        }

        return length;
    }

    private string? HandTuned(ReadOnlySpan<byte> e) => Format switch
    {
        "anthropic" => HandTunedJson.Anthropic(e),
        "cohere" => HandTunedJson.Cohere(e),
        "gemini" => HandTunedJson.Gemini(e),
        _ => HandTunedJson.Ollama(e),
    };

    private string? Ours(ReadOnlySpan<byte> e) => Format switch
    {
        "anthropic" => AnthropicTextDeltaReader.TryRead(e, out var text) ? text : null,
        "cohere" => CohereTextDeltaReader.TryRead(e, out var text) ? text : null,
        "gemini" => GeminiTextEventReader.TryRead(e, out var result) ? result.Text : null,
        _ => OllamaContentLineReader.TryRead(e, out var text) ? text : null,
    };
}
