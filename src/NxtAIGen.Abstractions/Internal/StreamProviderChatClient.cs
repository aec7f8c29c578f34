using System.Runtime.CompilerServices;
using System.Text;
using AI = Microsoft.Extensions.AI;

namespace NxtAIGen.Abstractions.Internal;

/// <summary>An <see cref="IChatStreamProvider"/> seen as a Microsoft.Extensions.AI <see cref="AI.IChatClient"/>.</summary>
internal sealed class StreamProviderChatClient : AI.IChatClient
{
    private readonly IChatStreamProvider _provider;
    private readonly AI.ChatClientMetadata _metadata;

    public StreamProviderChatClient(IChatStreamProvider provider, string? defaultModelId)
    {
        _provider = provider;
        _metadata = new AI.ChatClientMetadata(provider.Id, null, defaultModelId);
    }

    public async Task<AI.ChatResponse> GetResponseAsync(IEnumerable<AI.ChatMessage> messages, AI.ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var request = AIMessageMapper.ToRequest(this, messages, options);
        var builder = new ResponseBuilder();
        await foreach (var chunk in _provider.StreamAsync(request, cancellationToken).ConfigureAwait(false))
        {
            builder.Add(chunk);
        }

        return builder.Build(request.Model);
    }

    public IAsyncEnumerable<AI.ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<AI.ChatMessage> messages, AI.ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var request = AIMessageMapper.ToRequest(this, messages, options);
        var stream = _provider.StreamAsync(request, cancellationToken);
        return StreamAsync(stream, request.Model, cancellationToken);
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(AI.ChatClientMetadata))
        {
            return _metadata;
        }

        return serviceType.IsInstanceOfType(this) ? this
            : serviceType.IsInstanceOfType(_provider) ? _provider
            : null;
    }

    public void Dispose()
    {
        // The provider belongs to whoever created it (usually the registry).
    }

    private static async IAsyncEnumerable<AI.ChatResponseUpdate> StreamAsync(
        IAsyncEnumerable<ChatChunk> stream, string? requestedModel, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? responseId = null;
        var model = requestedModel;
        var messageId = "msg_" + Guid.NewGuid().ToString("N");
        await foreach (var chunk in stream.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            AI.ChatResponseUpdate update;
            switch (chunk.Kind)
            {
                case ChatChunkKind.Metadata:
                    var metadata = chunk.Metadata!;
                    responseId = metadata.ResponseId ?? responseId;
                    model = metadata.Model ?? model;
                    if (metadata.Citations is not { Count: > 0 } citations)
                    {
                        continue;
                    }

                    update = new AI.ChatResponseUpdate(AI.ChatRole.Assistant, []) { AdditionalProperties = new() { [AIMessageMapper.CitationsKey] = citations } };
                    break;
                case ChatChunkKind.Finish:
                    update = new AI.ChatResponseUpdate(AI.ChatRole.Assistant, [])
                    {
                        FinishReason = AIMessageMapper.ToAI(chunk.FinishReason!.Value),
                        AdditionalProperties = chunk.Text is { } raw ? new() { [AIMessageMapper.RawFinishReasonKey] = raw } : null,
                    };
                    break;
                default:
                    if (ToContent(chunk) is not { } content)
                    {
                        continue;
                    }

                    update = new AI.ChatResponseUpdate(AI.ChatRole.Assistant, [content]);
                    break;
            }

            update.ResponseId = responseId;
            update.MessageId = responseId ?? messageId;
            update.ModelId = model;
            update.RawRepresentation = chunk;
            yield return update;
        }
    }

    private static AI.AIContent? ToContent(in ChatChunk chunk) => chunk.Kind switch
    {
        ChatChunkKind.Text or ChatChunkKind.Refusal when !string.IsNullOrEmpty(chunk.Text) => new AI.TextContent(chunk.Text),
        ChatChunkKind.Reasoning when !string.IsNullOrEmpty(chunk.Text) => new AI.TextReasoningContent(chunk.Text),
        ChatChunkKind.ReasoningSignature => new AI.TextReasoningContent(string.Empty) { ProtectedData = chunk.Text },
        ChatChunkKind.RedactedReasoning => AIMessageMapper.Redacted(chunk.Text ?? string.Empty),
        ChatChunkKind.ToolCall => AIMessageMapper.ToAI(chunk.ToolCall!),
        ChatChunkKind.Usage => new AI.UsageContent(AIMessageMapper.ToAI(chunk.Usage!)),
        _ => null,
    };

    /// <summary>Folds a stream into one response: text joined, each reasoning block with its signature, calls, usage, finish.</summary>
    private sealed class ResponseBuilder
    {
        private readonly List<AI.AIContent> _contents = [];
        private readonly StringBuilder _text = new();
        private readonly StringBuilder _reasoning = new();
        private bool _inReasoning;
        private ChatResponseMetadata? _metadata;
        private ChatUsage? _usage;
        private ChatFinishReason? _finishReason;
        private string? _rawFinishReason;

        public void Add(in ChatChunk chunk)
        {
            switch (chunk.Kind)
            {
                case ChatChunkKind.Text:
                case ChatChunkKind.Refusal:
                    FlushReasoning(null);
                    _text.Append(chunk.Text);
                    break;
                case ChatChunkKind.Reasoning:
                    FlushText();
                    _reasoning.Append(chunk.Text);
                    _inReasoning = true;
                    break;
                case ChatChunkKind.ReasoningSignature:
                    FlushText();
                    _inReasoning = true;
                    FlushReasoning(chunk.Text);
                    break;
                case ChatChunkKind.RedactedReasoning:
                    FlushText();
                    FlushReasoning(null);
                    _contents.Add(AIMessageMapper.Redacted(chunk.Text ?? string.Empty));
                    break;
                case ChatChunkKind.ToolCall:
                    FlushText();
                    FlushReasoning(null);
                    _contents.Add(AIMessageMapper.ToAI(chunk.ToolCall!));
                    break;
                case ChatChunkKind.Usage:
                    _usage = chunk.Usage;
                    break;
                case ChatChunkKind.Metadata:
                    var metadata = chunk.Metadata!;
                    _metadata = new ChatResponseMetadata
                    {
                        ResponseId = metadata.ResponseId ?? _metadata?.ResponseId,
                        Model = metadata.Model ?? _metadata?.Model,
                        Citations = metadata.Citations ?? _metadata?.Citations,
                    };
                    break;
                case ChatChunkKind.Finish:
                    _finishReason = chunk.FinishReason;
                    _rawFinishReason = chunk.Text;
                    break;
            }
        }

        public AI.ChatResponse Build(string? requestedModel)
        {
            FlushText();
            FlushReasoning(null);
            var message = new AI.ChatMessage(AI.ChatRole.Assistant, _contents) { MessageId = _metadata?.ResponseId };
            var response = new AI.ChatResponse(message)
            {
                ResponseId = _metadata?.ResponseId,
                ModelId = _metadata?.Model ?? requestedModel,
                FinishReason = _finishReason is { } reason ? AIMessageMapper.ToAI(reason) : null,
                Usage = _usage is { } usage ? AIMessageMapper.ToAI(usage) : null,
            };
            if (_metadata?.Citations is { Count: > 0 } citations)
            {
                (response.AdditionalProperties ??= [])[AIMessageMapper.CitationsKey] = citations;
            }

            if (_rawFinishReason is { } raw)
            {
                (response.AdditionalProperties ??= [])[AIMessageMapper.RawFinishReasonKey] = raw;
            }

            return response;
        }

        private void FlushText()
        {
            if (_text.Length > 0)
            {
                _contents.Add(new AI.TextContent(_text.ToString()));
                _text.Clear();
            }
        }

        private void FlushReasoning(string? signature)
        {
            if (_inReasoning && (_reasoning.Length > 0 || signature is not null))
            {
                _contents.Add(new AI.TextReasoningContent(_reasoning.ToString()) { ProtectedData = signature });
            }

            _reasoning.Clear();
            _inReasoning = false;
        }
    }
}
