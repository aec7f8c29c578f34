using System.Text.Json;
using NxtAIGen.Abstractions;
using NxtAIGen.Providers.OpenAI.Internal.Wire;

namespace NxtAIGen.Providers.OpenAI.Internal;

/// <summary>The per-chunk state machine of <see cref="OpenAIStreamParser"/>.</summary>
internal sealed partial class OpenAIStreamParser
{
    private readonly List<OpenAIToolCallBuilder> _toolCalls = [];
    private bool _metadataSent;
    private bool _citationsSent;
    private string? _rawFinishReason;
    private ChatUsage? _usage;

    /// <summary>Applies one chunk, adding the chunks it produces to <paramref name="output"/>.</summary>
    /// <param name="chunk">The wire chunk.</param>
    /// <param name="output">Receives text, reasoning, refusal, metadata and completed tool calls.</param>
    internal void Apply(OpenAIChatCompletionChunk chunk, List<ChatChunk> output)
    {
        if (chunk.Error is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } error)
        {
            var (code, message) = ProviderErrors.ParseErrorElement(error);
            throw ProviderErrors.FromStreamError(_providerId, code, message, _apiKey);
        }

        ApplyMetadata(chunk, output);
        if ((chunk.Usage ?? chunk.XGroq?.Usage) is { } usage)
        {
            _usage = new ChatUsage
            {
                InputTokens = usage.PromptTokens,
                OutputTokens = usage.CompletionTokens,
                ReasoningTokens = usage.CompletionTokensDetails?.ReasoningTokens,
                CachedInputTokens = usage.PromptTokensDetails?.CachedTokens ?? usage.PromptCacheHitTokens,
            };
        }

        if (chunk.Choices is not { Count: > 0 } choices)
        {
            return;
        }

        foreach (var choice in choices)
        {
            if (choice.Index != 0)
            {
                continue; // n > 1: only the first choice is streamed.
            }

            if (choice.Delta is { } delta)
            {
                ApplyDelta(delta, output);
            }

            if (choice.FinishReason is { } finishReason)
            {
                _rawFinishReason = finishReason;
                FlushToolCalls(output);
            }
        }
    }

    /// <summary>Adds the end of a complete stream: remaining tool calls, the last usage, then the finish chunk.</summary>
    /// <param name="output">Receives the chunks.</param>
    internal void Complete(List<ChatChunk> output)
    {
        FlushToolCalls(output);
        if (_usage is not null)
        {
            output.Add(ChatChunk.ForUsage(_usage));
        }

        output.Add(ChatChunk.ForFinish(OpenAIFinishReasons.Map(_rawFinishReason), _rawFinishReason));
    }

    private void ApplyMetadata(OpenAIChatCompletionChunk chunk, List<ChatChunk> output)
    {
        var hasCitations = chunk.Citations is { Count: > 0 };
        if (_metadataSent && (_citationsSent || !hasCitations))
        {
            return;
        }

        var id = string.IsNullOrEmpty(chunk.Id) ? null : chunk.Id;
        var model = string.IsNullOrEmpty(chunk.Model) ? null : chunk.Model;
        if (id is null && model is null && !hasCitations)
        {
            return; // Azure's leading prompt_filter_results chunk: nothing to say yet.
        }

        output.Add(ChatChunk.ForMetadata(new ChatResponseMetadata
        {
            ResponseId = id,
            Model = model,
            Citations = hasCitations ? chunk.Citations : null,
        }));
        _metadataSent = true;
        _citationsSent |= hasCitations;
    }

    private void ApplyDelta(OpenAIChunkDelta delta, List<ChatChunk> output)
    {
        if (_includeReasoning)
        {
            AddText(output, ChatChunkKind.Reasoning, delta.ReasoningContent);
            AddText(output, ChatChunkKind.Reasoning, delta.Reasoning);
            AddText(output, ChatChunkKind.Reasoning, delta.Content.Thinking);
        }

        AddText(output, ChatChunkKind.Text, delta.Content.Text);
        AddText(output, ChatChunkKind.Refusal, delta.Refusal);
        if (delta.ToolCalls is { Count: > 0 } fragments)
        {
            foreach (var fragment in fragments)
            {
                ApplyToolCall(fragment);
            }
        }
    }

    private static void AddText(List<ChatChunk> output, ChatChunkKind kind, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        output.Add(kind switch
        {
            ChatChunkKind.Reasoning => ChatChunk.ForReasoning(text),
            ChatChunkKind.Refusal => ChatChunk.ForRefusal(text),
            _ => ChatChunk.ForText(text),
        });
    }

    /// <summary>Groups a fragment by index, else by id, else with the previous call.</summary>
    private void ApplyToolCall(OpenAIToolCallDelta fragment)
    {
        var id = string.IsNullOrEmpty(fragment.Id) ? null : fragment.Id;
        OpenAIToolCallBuilder? call = null;
        if (fragment.Index is { } index)
        {
            // The same index with a different id is a new call (some gateways send every call as index 0).
            call = _toolCalls.FindLast(c => c.Index == index && (id is null || c.Id is null || c.Id == id));
        }
        else if (id is not null)
        {
            call = _toolCalls.FindLast(c => c.Id == id);
        }
        else if (_toolCalls.Count > 0)
        {
            call = _toolCalls[^1];
        }

        if (call is null)
        {
            call = new OpenAIToolCallBuilder(fragment.Index);
            _toolCalls.Add(call);
        }

        call.Id ??= id;
        if (string.IsNullOrEmpty(call.Name))
        {
            call.Name = fragment.Function?.Name;
        }

        call.AppendArguments(fragment.Function?.Arguments);
    }

    private void FlushToolCalls(List<ChatChunk> output)
    {
        foreach (var call in _toolCalls)
        {
            output.Add(ChatChunk.ForToolCall(call.Build()));
        }

        _toolCalls.Clear();
    }
}
