using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using NxtAIGen.Abstractions;

namespace NxtAIGen.Providers.OpenAI.Internal;

/// <summary>
/// Turns an OpenAI-style SSE body into <see cref="ChatChunk"/>s. One instance per stream: it keeps the state
/// (pending tool calls, last usage, last finish reason) that the end of the stream needs.
/// </summary>
internal sealed partial class OpenAIStreamParser
{
    private readonly string _providerId;
    private readonly string? _apiKey;
    private readonly bool _includeReasoning;
    private readonly SseItemParser<OpenAIStreamEvent> _eventParser;

    public OpenAIStreamParser(string providerId, string? apiKey, bool includeReasoning = true)
    {
        _providerId = providerId;
        _apiKey = apiKey;
        _includeReasoning = includeReasoning;
        _eventParser = ParseEvent;
    }

    /// <summary>Reads the body to its end (or <c>[DONE]</c>) and yields the chunks; the finish chunk comes last.</summary>
    /// <param name="stream">The response body.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The chunks.</returns>
    public async IAsyncEnumerable<ChatChunk> ParseAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pending = new List<ChatChunk>(4);
        var events = SseParser.Create(new SseBodyStream(stream), _eventParser).EnumerateAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        var sawDone = false;
        JsonException? malformed = null;
        try
        {
            while (await MoveNextAsync(events, cancellationToken).ConfigureAwait(false))
            {
                var item = events.Current.Data;
                if (malformed is not null)
                {
                    // Invalid JSON followed by more events: the provider sent garbage, not a cut-off body.
                    throw new NxtAIGenProviderException(
                        ProviderErrorKind.Server, _providerId, $"{_providerId}: the stream contained an event that is not valid JSON.", malformed);
                }

                malformed = item.Malformed;
                if (item.IsDone)
                {
                    sawDone = true;
                    break;
                }

                if (item.Chunk is null)
                {
                    continue;
                }

                Apply(item.Chunk, pending);
                for (var i = 0; i < pending.Count; i++)
                {
                    yield return pending[i];
                }

                pending.Clear();
            }
        }
        finally
        {
            await events.DisposeAsync().ConfigureAwait(false);
        }

        if (malformed is not null || (!sawDone && _rawFinishReason is null))
        {
            throw ProviderErrors.Incomplete(_providerId);
        }

        Complete(pending);
        foreach (var chunk in pending)
        {
            yield return chunk;
        }
    }

    private ValueTask<bool> MoveNextAsync(IAsyncEnumerator<SseItem<OpenAIStreamEvent>> events, CancellationToken cancellationToken)
    {
        // Most events are already buffered: skip the async state machine (and its try/catch) when nothing failed.
        var next = events.MoveNextAsync();
        return next.IsCompletedSuccessfully ? next : MoveNextSlowAsync(next, cancellationToken);
    }

    private async ValueTask<bool> MoveNextSlowAsync(ValueTask<bool> next, CancellationToken cancellationToken)
    {
        try
        {
            return await next.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or ObjectDisposedException)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException("The stream was cancelled.", ex, cancellationToken);
            }

            throw ProviderErrors.Network(_providerId, ex);
        }
    }

    private OpenAIStreamEvent ParseEvent(string eventType, ReadOnlySpan<byte> data)
    {
        if (data.SequenceEqual("[DONE]"u8))
        {
            return new OpenAIStreamEvent(true, null);
        }

        if (data.IsEmpty || data.IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            return default;
        }

        if (TryReadCommonEvent(data, out var common))
        {
            return new OpenAIStreamEvent(false, common);
        }

        try
        {
            return new OpenAIStreamEvent(false, JsonSerializer.Deserialize(data, OpenAIJsonContext.Default.OpenAIChatCompletionChunk));
        }
        catch (JsonException ex)
        {
            return new OpenAIStreamEvent(false, null, ex);
        }
    }
}
