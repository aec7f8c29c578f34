using System.Globalization;
using System.Text.Json;
using NxtAIGen.Abstractions;
using NxtAIGen.Providers.Gemini.Internal.Wire;

namespace NxtAIGen.Providers.Gemini.Internal;

/// <summary>The per-event state machine of <see cref="GeminiStreamParser"/>.</summary>
internal sealed partial class GeminiStreamParser
{
    private readonly List<string> _citations = [];
    private GeminiToolCallBuilder? _openCall;
    private int _toolCallCount;
    private bool _metadataSent;
    private string? _rawFinishReason;
    private string? _blockReason;
    private ChatUsage? _usage;

    /// <summary>Applies one response event, adding the chunks it produces to <paramref name="output"/>.</summary>
    /// <param name="response">The event.</param>
    /// <param name="output">Receives text, reasoning, signatures, metadata and completed tool calls.</param>
    /// <exception cref="NxtAIGenProviderException">The event is an error object.</exception>
    internal void Apply(GeminiResponse response, List<ChatChunk> output)
    {
        if (response.Error is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } error)
        {
            throw GeminiErrors.FromStreamError(_providerId, error, _apiKey);
        }

        if (!_metadataSent && (response.ResponseId is { Length: > 0 } || response.ModelVersion is { Length: > 0 }))
        {
            output.Add(ChatChunk.ForMetadata(new ChatResponseMetadata
            {
                ResponseId = string.IsNullOrEmpty(response.ResponseId) ? null : response.ResponseId,
                Model = string.IsNullOrEmpty(response.ModelVersion) ? null : response.ModelVersion,
            }));
            _metadataSent = true;
        }

        if (response.UsageMetadata is { HasCounts: true } usage)
        {
            SetUsage(usage.PromptTokenCount, usage.CandidatesTokenCount, usage.ThoughtsTokenCount, usage.CachedContentTokenCount);
        }

        if (response.PromptFeedback?.BlockReason is { Length: > 0 } blockReason)
        {
            _blockReason = blockReason;
        }

        var candidate = response.Candidates?.Find(c => (c.Index ?? 0) == 0);
        if (candidate is null)
        {
            return; // Other candidates (candidateCount > 1) are not streamed.
        }

        if (candidate.Content?.Parts is { } parts)
        {
            foreach (var part in parts)
            {
                ApplyPart(part, output);
            }
        }

        CollectCitations(candidate);
        if (candidate.FinishReason is { Length: > 0 } finishReason)
        {
            _rawFinishReason = finishReason;
        }
    }

    /// <summary>Applies a plain text event read by <see cref="GeminiTextEventReader"/>: what <see cref="Apply"/> does with it.</summary>
    /// <param name="plain">The event's text and usage.</param>
    /// <param name="output">Receives the text.</param>
    internal void ApplyText(GeminiTextEvent plain, List<ChatChunk> output)
    {
        if (plain.HasUsage)
        {
            SetUsage(plain.PromptTokenCount, plain.CandidatesTokenCount, plain.ThoughtsTokenCount, plain.CachedContentTokenCount);
        }

        if (!string.IsNullOrEmpty(plain.Text))
        {
            output.Add(ChatChunk.ForText(plain.Text));
        }
    }

    /// <summary>Adds the end of a complete stream: an unclosed call, the citations, the last usage, then the finish chunk.</summary>
    /// <param name="output">Receives the chunks.</param>
    internal void Complete(List<ChatChunk> output)
    {
        CloseOpenCall(output);
        if (_citations.Count > 0)
        {
            output.Add(ChatChunk.ForMetadata(new ChatResponseMetadata { Citations = [.. _citations] }));
        }

        if (_usage is not null)
        {
            output.Add(ChatChunk.ForUsage(_usage));
        }

        output.Add(_rawFinishReason is { } raw
            ? ChatChunk.ForFinish(GeminiFinishReasons.Map(raw, _toolCallCount > 0), raw)
            : ChatChunk.ForFinish(ChatFinishReason.ContentFilter, _blockReason));
    }

    /// <summary>Keeps the latest counts; Gemini repeats them on every event, so the usage is only rebuilt when they change.</summary>
    private void SetUsage(int? prompt, int? candidates, int? thoughts, int? cached)
    {
        if (_usage is { } current && current.InputTokens == prompt && current.OutputTokens == candidates
            && current.ReasoningTokens == thoughts && current.CachedInputTokens == cached)
        {
            return;
        }

        _usage = new ChatUsage { InputTokens = prompt, OutputTokens = candidates, ReasoningTokens = thoughts, CachedInputTokens = cached };
    }

    private void ApplyPart(GeminiPart part, List<ChatChunk> output)
    {
        if (part.FunctionCall is { } call)
        {
            ApplyFunctionCall(call, part.ThoughtSignature, output);
            return;
        }

        if (!string.IsNullOrEmpty(part.Text))
        {
            if (part.Thought != true)
            {
                output.Add(ChatChunk.ForText(part.Text));
            }
            else if (_includeReasoning)
            {
                output.Add(ChatChunk.ForReasoning(part.Text));
            }
        }

        // Gemini signs its reasoning on a text part (often an empty last one): it goes back with the next turn.
        if (!string.IsNullOrEmpty(part.ThoughtSignature))
        {
            output.Add(ChatChunk.ForReasoningSignature(part.ThoughtSignature));
        }
    }

    private void ApplyFunctionCall(GeminiFunctionCall call, string? signature, List<ChatChunk> output)
    {
        if (!string.IsNullOrEmpty(call.Name))
        {
            CloseOpenCall(output);
            var builder = new GeminiToolCallBuilder(
                string.IsNullOrEmpty(call.Id) ? "call_" + (_toolCallCount + 1).ToString(CultureInfo.InvariantCulture) : call.Id,
                call.Name)
            {
                Signature = string.IsNullOrEmpty(signature) ? null : signature,
                Arguments = call.Args is { ValueKind: JsonValueKind.Object } args ? args.GetRawText() : null,
            };
            AppendPartialArgs(builder, call);
            if (call.WillContinue == true)
            {
                _openCall = builder; // Vertex streams the arguments in the next parts.
            }
            else
            {
                Emit(builder, output);
            }

            return;
        }

        if (_openCall is not { } open)
        {
            return; // A continuation without a call to continue.
        }

        if (!string.IsNullOrEmpty(signature))
        {
            open.Signature ??= signature;
        }

        AppendPartialArgs(open, call);
        if (call.WillContinue != true)
        {
            CloseOpenCall(output); // The empty functionCall {} that closes a streamed call.
        }
    }

    private static void AppendPartialArgs(GeminiToolCallBuilder builder, GeminiFunctionCall call)
    {
        if (call.PartialArgs is { Count: > 0 } pieces)
        {
            foreach (var piece in pieces)
            {
                builder.Partial.Apply(piece);
            }
        }
    }

    private void CloseOpenCall(List<ChatChunk> output)
    {
        if (_openCall is { } open)
        {
            _openCall = null;
            Emit(open, output);
        }
    }

    private void Emit(GeminiToolCallBuilder builder, List<ChatChunk> output)
    {
        _toolCallCount++;
        output.Add(ChatChunk.ForToolCall(builder.Build()));
    }

    private void CollectCitations(GeminiCandidate candidate)
    {
        if (candidate.GroundingMetadata?.GroundingChunks is { } chunks)
        {
            foreach (var chunk in chunks)
            {
                AddCitation(chunk.Uri);
            }
        }

        if (candidate.CitationMetadata is { } metadata)
        {
            foreach (var source in (IEnumerable<GeminiCitationSource>?)metadata.CitationSources ?? metadata.Citations ?? [])
            {
                AddCitation(source.Uri);
            }
        }
    }

    private void AddCitation(string? uri)
    {
        if (!string.IsNullOrEmpty(uri) && !_citations.Contains(uri))
        {
            _citations.Add(uri);
        }
    }
}
