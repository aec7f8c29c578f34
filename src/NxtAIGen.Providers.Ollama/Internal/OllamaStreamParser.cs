using System.Runtime.CompilerServices;
using System.Text.Json;
using NxtAIGen.Abstractions;
using NxtAIGen.Providers.Ollama.Internal.Wire;

namespace NxtAIGen.Providers.Ollama.Internal;

/// <summary>
/// Turns an Ollama NDJSON body (<c>/api/chat</c>, and <c>/api/generate</c> lines too) into <see cref="ChatChunk"/>s.
/// One instance per stream. The body must end with a <c>done: true</c> object; a <c>{"error": "..."}</c> line is a
/// stream error although the HTTP status was 200.
/// </summary>
internal sealed class OllamaStreamParser
{
    private readonly string _providerId;
    private readonly string? _apiKey;
    private readonly bool _includeReasoning;
    private bool _metadataSent;
    private bool _sawToolCall;

    public OllamaStreamParser(string providerId, string? apiKey, bool includeReasoning = true)
    {
        _providerId = providerId;
        _apiKey = apiKey;
        _includeReasoning = includeReasoning;
    }

    /// <summary>Reads the body to its <c>done: true</c> object and yields the chunks; usage and the finish chunk come last.</summary>
    /// <param name="stream">The response body.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The chunks.</returns>
    public async IAsyncEnumerable<ChatChunk> ParseAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pending = new List<ChatChunk>(4);
        using var reader = new NdjsonLineReader(stream);
        JsonException? malformed = null;
        while (await ReadLineAsync(reader, cancellationToken).ConfigureAwait(false))
        {
            if (malformed is not null)
            {
                // Invalid JSON followed by more lines: the server sent garbage, not a cut-off body.
                throw new NxtAIGenProviderException(
                    ProviderErrorKind.Server, _providerId, $"{_providerId}: the stream contained a line that is not valid JSON.", malformed);
            }

            var line = reader.Current.Span;
            if (line.IndexOfAnyExcept(" \t"u8) < 0)
            {
                continue;
            }

            if (_metadataSent && OllamaContentLineReader.TryRead(line, out var content))
            {
                if (!string.IsNullOrEmpty(content))
                {
                    yield return ChatChunk.ForText(content); // The fast path: what Apply does for a plain content line.
                }

                continue;
            }

            OllamaChatChunk? chunk;
            try
            {
                chunk = JsonSerializer.Deserialize(line, OllamaJsonContext.Default.OllamaChatChunk);
            }
            catch (JsonException ex)
            {
                malformed = ex;
                continue;
            }

            if (chunk is null)
            {
                continue;
            }

            var done = Apply(chunk, pending);
            for (var i = 0; i < pending.Count; i++)
            {
                yield return pending[i];
            }

            pending.Clear();
            if (done)
            {
                yield break;
            }
        }

        throw ProviderErrors.Incomplete(_providerId);
    }

    /// <summary>Applies one line, adding the chunks it produces to <paramref name="output"/>.</summary>
    /// <param name="chunk">The wire object.</param>
    /// <param name="output">Receives the chunks.</param>
    /// <returns>Whether the line was the final <c>done: true</c> object (its usage and finish chunks are in <paramref name="output"/>).</returns>
    internal bool Apply(OllamaChatChunk chunk, List<ChatChunk> output)
    {
        if (chunk.Error is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } error)
        {
            var (code, text) = error.ValueKind == JsonValueKind.String
                ? (null, error.GetString())
                : ProviderErrors.ParseErrorElement(error);
            throw ProviderErrors.FromStreamError(_providerId, code, text, _apiKey);
        }

        if (!_metadataSent && !string.IsNullOrEmpty(chunk.Model))
        {
            output.Add(ChatChunk.ForMetadata(new ChatResponseMetadata { Model = chunk.Model }));
            _metadataSent = true;
        }

        var message = chunk.Message;
        if (_includeReasoning)
        {
            AddText(output, reasoning: true, message?.Thinking);
            AddText(output, reasoning: true, chunk.Thinking);
        }

        AddText(output, reasoning: false, message?.Content);
        AddText(output, reasoning: false, chunk.Response);
        if (message?.ToolCalls is { Count: > 0 } calls)
        {
            foreach (var call in calls)
            {
                output.Add(ChatChunk.ForToolCall(BuildToolCall(call)));
                _sawToolCall = true;
            }
        }

        if (!chunk.Done)
        {
            return false;
        }

        if (chunk.PromptEvalCount is not null || chunk.EvalCount is not null)
        {
            output.Add(ChatChunk.ForUsage(new ChatUsage { InputTokens = chunk.PromptEvalCount, OutputTokens = chunk.EvalCount }));
        }

        output.Add(ChatChunk.ForFinish(MapFinishReason(chunk.DoneReason), chunk.DoneReason));
        return true;
    }

    /// <summary>Maps <c>done_reason</c>; a missing one is a normal stop. Tool calls end with <c>stop</c> too.</summary>
    private ChatFinishReason MapFinishReason(string? raw) => raw switch
    {
        null or "" or "stop" => _sawToolCall ? ChatFinishReason.ToolCalls : ChatFinishReason.Stop,
        "length" => ChatFinishReason.Length,
        _ => ChatFinishReason.Other,
    };

    private static ChatToolCall BuildToolCall(OllamaToolCall call)
    {
        var arguments = call.Function?.Arguments switch
        {
            { ValueKind: JsonValueKind.String } text => text.GetString(),
            { ValueKind: JsonValueKind.Object or JsonValueKind.Array } value => value.GetRawText(),
            _ => null,
        };
        return new ChatToolCall(
            string.IsNullOrEmpty(call.Id) ? "call_" + Guid.NewGuid().ToString("N") : call.Id,
            call.Function?.Name ?? string.Empty,
            string.IsNullOrWhiteSpace(arguments) ? "{}" : arguments);
    }

    private static void AddText(List<ChatChunk> output, bool reasoning, string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            output.Add(reasoning ? ChatChunk.ForReasoning(text) : ChatChunk.ForText(text));
        }
    }

    private async ValueTask<bool> ReadLineAsync(NdjsonLineReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or ObjectDisposedException)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException("The stream was cancelled.", ex, cancellationToken);
            }

            throw ProviderErrors.Network(_providerId, ex);
        }
        catch (InvalidDataException ex)
        {
            throw new NxtAIGenProviderException(ProviderErrorKind.Server, _providerId, $"{_providerId}: the stream contained a line that is too long.", ex);
        }
    }
}
