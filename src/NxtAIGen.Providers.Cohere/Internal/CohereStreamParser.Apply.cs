using System.Text;
using System.Text.Json;
using NxtAIGen.Abstractions;
using NxtAIGen.Providers.Cohere.Internal.Wire;

namespace NxtAIGen.Providers.Cohere.Internal;

/// <summary>The per-event state machine of <see cref="CohereStreamParser"/>.</summary>
internal sealed partial class CohereStreamParser
{
    private readonly List<CohereToolCallBuilder> _toolCalls = [];
    private readonly List<string> _citations = [];
    private readonly StringBuilder _toolPlan = new();

    /// <summary>Gets the tool plan the model wrote before its tool calls (not answer text, not reasoning).</summary>
    internal string ToolPlan => _toolPlan.ToString();

    /// <summary>Applies one event, adding the chunks it produces to <paramref name="output"/>.</summary>
    /// <param name="eventType">The SSE event name; the payload's own <c>type</c> wins.</param>
    /// <param name="payload">The event data.</param>
    /// <param name="output">Receives the chunks.</param>
    /// <returns>Whether the event was <c>message-end</c> (its usage and finish chunks are in <paramref name="output"/>).</returns>
    internal bool Apply(string eventType, CohereStreamPayload payload, List<ChatChunk> output)
    {
        var type = payload.Type ?? eventType;
        var message = payload.Delta?.Message;
        switch (type)
        {
            case "message-start":
                if (!string.IsNullOrEmpty(payload.Id))
                {
                    output.Add(ChatChunk.ForMetadata(new ChatResponseMetadata { ResponseId = payload.Id }));
                }

                break;
            case "content-start":
            case "content-delta":
                if (As(message?.Content, CohereJsonContext.Default.CohereContentDelta) is { } content)
                {
                    if (_includeReasoning && !string.IsNullOrEmpty(content.Thinking))
                    {
                        output.Add(ChatChunk.ForReasoning(content.Thinking));
                    }

                    if (!string.IsNullOrEmpty(content.Text))
                    {
                        output.Add(ChatChunk.ForText(content.Text));
                    }
                }

                break;
            case "tool-plan-delta":
                _toolPlan.Append(message?.ToolPlan);
                break;
            case "tool-call-start":
            case "tool-call-delta":
                ApplyToolCall(payload.Index, type == "tool-call-start", As(message?.ToolCalls, CohereJsonContext.Default.CohereToolCallDelta));
                break;
            case "tool-call-end":
                FlushToolCall(payload.Index, output);
                break;
            case "citation-start":
                ApplyCitation(As(message?.Citations, CohereJsonContext.Default.CohereCitation), output);
                break;
            case "message-end":
                End(payload.Delta, output);
                return true;
            case "error":
                throw StreamError(payload);
            default:
                if (payload.Type is null && (payload.Error is not null || payload.Message is not null))
                {
                    throw StreamError(payload);
                }

                break; // content-end, citation-end, debug and future events carry nothing to stream.
        }

        return false;
    }

    private void End(CohereDelta? delta, List<ChatChunk> output)
    {
        var reason = delta?.FinishReason;
        if (reason is "ERROR" or "TIMEOUT")
        {
            throw ProviderErrors.FromStreamError(
                _providerId, reason, delta?.Error ?? (reason == "TIMEOUT" ? "the generation timed out" : "the generation failed"), _apiKey);
        }

        FlushToolCall(null, output, all: true);
        if (delta?.Usage is { } usage)
        {
            var counts = usage.Tokens ?? usage.BilledUnits;
            output.Add(ChatChunk.ForUsage(new ChatUsage
            {
                InputTokens = ToInt(counts?.InputTokens),
                OutputTokens = ToInt(counts?.OutputTokens),
                CachedInputTokens = ToInt(usage.CachedTokens),
            }));
        }

        output.Add(ChatChunk.ForFinish(CohereFinishReasons.Map(reason), reason));
    }

    private void ApplyToolCall(int? index, bool start, CohereToolCallDelta? fragment)
    {
        var call = start ? null : _toolCalls.FindLast(c => c.Index == index) ?? (_toolCalls.Count > 0 ? _toolCalls[^1] : null);
        if (call is null)
        {
            call = new CohereToolCallBuilder(index);
            _toolCalls.Add(call);
        }

        if (fragment is null)
        {
            return;
        }

        call.Id ??= string.IsNullOrEmpty(fragment.Id) ? null : fragment.Id;
        if (string.IsNullOrEmpty(call.Name))
        {
            call.Name = fragment.Function?.Name;
        }

        call.AppendArguments(fragment.Function?.Arguments);
    }

    /// <summary>Emits the finished call at <paramref name="index"/> (or every open call).</summary>
    private void FlushToolCall(int? index, List<ChatChunk> output, bool all = false)
    {
        for (var i = 0; i < _toolCalls.Count; i++)
        {
            if (all || _toolCalls[i].Index == index)
            {
                output.Add(ChatChunk.ForToolCall(_toolCalls[i].Build()));
                _toolCalls.RemoveAt(i--);
                if (!all)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Adds a citation's sources (a document's <c>url</c> when it has one, else the source id) and re-sends the list when it grew.</summary>
    private void ApplyCitation(CohereCitation? citation, List<ChatChunk> output)
    {
        var added = false;
        foreach (var source in citation?.Sources ?? [])
        {
            var reference = source.Document is { ValueKind: JsonValueKind.Object } document
                && document.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String
                ? url.GetString()
                : source.Id;
            if (!string.IsNullOrEmpty(reference) && !_citations.Contains(reference))
            {
                _citations.Add(reference);
                added = true;
            }
        }

        if (added)
        {
            output.Add(ChatChunk.ForMetadata(new ChatResponseMetadata { Citations = [.. _citations] }));
        }
    }

    private NxtAIGenProviderException StreamError(CohereStreamPayload payload)
    {
        var (code, text) = payload.Error switch
        {
            { ValueKind: JsonValueKind.String } error => (null, error.GetString()),
            { ValueKind: JsonValueKind.Object } error => ProviderErrors.ParseErrorElement(error),
            _ => (null, payload.Message),
        };
        return ProviderErrors.FromStreamError(_providerId, code, text ?? payload.Message, _apiKey);
    }

    private T? As<T>(JsonElement? element, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
        where T : class
    {
        if (element is not { ValueKind: JsonValueKind.Object } value)
        {
            return null;
        }

        try
        {
            return value.Deserialize(typeInfo);
        }
        catch (JsonException ex)
        {
            throw new NxtAIGenProviderException(ProviderErrorKind.Server, _providerId, $"{_providerId}: the stream contained an event of an unexpected shape.", ex);
        }
    }

    private static int? ToInt(double? value) => value is { } number ? (int)Math.Round(number) : null;
}
