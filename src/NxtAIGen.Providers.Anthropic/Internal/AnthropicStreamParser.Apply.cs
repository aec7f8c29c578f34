using NxtAIGen.Abstractions;
using NxtAIGen.Providers.Anthropic.Internal.Wire;

namespace NxtAIGen.Providers.Anthropic.Internal;

/// <summary>The per-event state machine of <see cref="AnthropicStreamParser"/>.</summary>
internal sealed partial class AnthropicStreamParser
{
    private readonly List<AnthropicToolCallBuilder> _toolCalls = [];
    private bool _metadataSent;
    private bool _refusalSent;
    private string? _rawStopReason;
    private int? _inputTokens;
    private int? _outputTokens;
    private int? _cacheCreationTokens;
    private int? _cacheReadTokens;
    private bool _sawUsage;

    /// <summary>Applies one event, adding the chunks it produces to <paramref name="output"/>.</summary>
    /// <param name="type">The event type (the payload's <c>type</c>).</param>
    /// <param name="payload">The event.</param>
    /// <param name="output">Receives text, reasoning, signatures, redacted reasoning, metadata, refusals and completed tool calls.</param>
    /// <exception cref="NxtAIGenProviderException">The event is an <c>error</c>.</exception>
    internal void Apply(string type, AnthropicStreamEvent payload, List<ChatChunk> output)
    {
        switch (type)
        {
            case "message_start":
                ApplyMessageStart(payload.Message, output);
                break;
            case "content_block_start":
                ApplyBlockStart(payload.Index ?? 0, payload.ContentBlock, output);
                break;
            case "content_block_delta":
                ApplyBlockDelta(payload.Index ?? 0, payload.Delta, output);
                break;
            case "content_block_stop":
                FlushToolCall(payload.Index ?? 0, output);
                break;
            case "message_delta":
                ApplyMessageDelta(payload, output);
                break;
            case "error":
                var (code, message) = payload.Error is { } error ? ProviderErrors.ParseErrorElement(error) : (null, null);
                throw ProviderErrors.FromStreamError(_providerId, code, message, _apiKey);
            default:
                break; // ping, and event kinds newer than this parser.
        }
    }

    /// <summary>Adds the end of a complete stream: tool calls whose block never closed, the usage, then the finish chunk.</summary>
    /// <param name="output">Receives the chunks.</param>
    internal void Complete(List<ChatChunk> output)
    {
        foreach (var call in _toolCalls)
        {
            output.Add(ChatChunk.ForToolCall(call.Build()));
        }

        _toolCalls.Clear();
        if (_sawUsage)
        {
            output.Add(ChatChunk.ForUsage(BuildUsage()));
        }

        output.Add(ChatChunk.ForFinish(AnthropicFinishReasons.Map(_rawStopReason), _rawStopReason));
    }

    private void ApplyMessageStart(AnthropicMessage? message, List<ChatChunk> output)
    {
        if (message is null)
        {
            return;
        }

        ApplyUsage(message.Usage);
        _rawStopReason = message.StopReason ?? _rawStopReason;
        var id = string.IsNullOrEmpty(message.Id) ? null : message.Id;
        var model = string.IsNullOrEmpty(message.Model) ? null : message.Model;
        if (!_metadataSent && (id is not null || model is not null))
        {
            output.Add(ChatChunk.ForMetadata(new ChatResponseMetadata { ResponseId = id, Model = model }));
            _metadataSent = true;
        }
    }

    private void ApplyBlockStart(int index, AnthropicContentBlock? block, List<ChatChunk> output)
    {
        FlushToolCall(index, output); // A tool block whose stop never came, reusing the index.
        switch (block?.Type)
        {
            case "text":
                AddText(output, block.Text);
                break;
            case "thinking":
                AddReasoning(output, block.Thinking);
                AddSignature(output, block.Signature);
                break;
            case "redacted_thinking":
                if (_includeReasoning && !string.IsNullOrEmpty(block.Data))
                {
                    output.Add(ChatChunk.ForRedactedReasoning(block.Data));
                }

                break;
            case "tool_use":
                _toolCalls.Add(new AnthropicToolCallBuilder(index, block.Id, block.Name, block.Input));
                break;
            default:
                break; // server_tool_use, web_search_tool_result, ...: run by Anthropic, nothing for the caller to do.
        }
    }

    private void ApplyBlockDelta(int index, AnthropicDelta? delta, List<ChatChunk> output)
    {
        switch (delta?.Type)
        {
            case "text_delta":
                AddText(output, delta.Text);
                break;
            case "thinking_delta":
                AddReasoning(output, delta.Thinking);
                break;
            case "signature_delta":
                AddSignature(output, delta.Signature);
                break;
            case "input_json_delta":
                _toolCalls.Find(c => c.Index == index)?.Append(delta.PartialJson);
                break;
            default:
                break; // citations_delta and newer kinds.
        }
    }

    private void ApplyMessageDelta(AnthropicStreamEvent payload, List<ChatChunk> output)
    {
        ApplyUsage(payload.Usage);
        if (payload.Delta is not { } delta)
        {
            return;
        }

        _rawStopReason = delta.StopReason ?? _rawStopReason;
        if (!_refusalSent && delta.StopDetails is { Type: "refusal", Explanation: { Length: > 0 } explanation })
        {
            output.Add(ChatChunk.ForRefusal(explanation));
            _refusalSent = true;
        }
    }

    /// <summary>Takes every count the event carries; <c>message_delta</c>'s cumulative counts override <c>message_start</c>'s.</summary>
    private void ApplyUsage(AnthropicUsage? usage)
    {
        if (usage is null)
        {
            return;
        }

        _sawUsage = true;
        _inputTokens = usage.InputTokens ?? _inputTokens;
        _outputTokens = usage.OutputTokens ?? _outputTokens;
        _cacheCreationTokens = usage.CacheCreationInputTokens ?? _cacheCreationTokens;
        _cacheReadTokens = usage.CacheReadInputTokens ?? _cacheReadTokens;
    }

    /// <summary>Input counts include the cached prompt, as <see cref="ChatUsage.InputTokens"/> promises (Anthropic counts it apart).</summary>
    private ChatUsage BuildUsage()
    {
        int? input = _inputTokens is null && _cacheCreationTokens is null && _cacheReadTokens is null
            ? null
            : (_inputTokens ?? 0) + (_cacheCreationTokens ?? 0) + (_cacheReadTokens ?? 0);
        return new ChatUsage
        {
            InputTokens = input,
            OutputTokens = _outputTokens,
            CachedInputTokens = _cacheReadTokens,
        };
    }

    private void FlushToolCall(int index, List<ChatChunk> output)
    {
        var at = _toolCalls.FindIndex(c => c.Index == index);
        if (at >= 0)
        {
            output.Add(ChatChunk.ForToolCall(_toolCalls[at].Build()));
            _toolCalls.RemoveAt(at);
        }
    }

    private static void AddText(List<ChatChunk> output, string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            output.Add(ChatChunk.ForText(text));
        }
    }

    private void AddReasoning(List<ChatChunk> output, string? text)
    {
        if (_includeReasoning && !string.IsNullOrEmpty(text))
        {
            output.Add(ChatChunk.ForReasoning(text));
        }
    }

    private void AddSignature(List<ChatChunk> output, string? signature)
    {
        if (_includeReasoning && !string.IsNullOrEmpty(signature))
        {
            output.Add(ChatChunk.ForReasoningSignature(signature));
        }
    }
}
