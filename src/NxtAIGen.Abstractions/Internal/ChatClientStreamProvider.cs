using System.Runtime.CompilerServices;
using AI = Microsoft.Extensions.AI;

namespace NxtAIGen.Abstractions.Internal;

/// <summary>A Microsoft.Extensions.AI <see cref="AI.IChatClient"/> seen as an <see cref="IChatStreamProvider"/>.</summary>
internal sealed class ChatClientStreamProvider : IChatStreamProvider
{
    private readonly AI.IChatClient _client;
    private readonly string? _defaultModel;
    private readonly Func<CancellationToken, Task<IReadOnlyList<ChatModelInfo>>>? _listModels;
    private readonly IReadOnlyList<string> _models;

    public ChatClientStreamProvider(AI.IChatClient client, string id, ChatClientProviderOptions options)
    {
        _client = client;
        Id = id;
        Capabilities = options.Capabilities;
        _defaultModel = options.DefaultModel;
        _listModels = options.ListModels;
        _models = [.. options.Models];
    }

    public string Id { get; }

    public ChatCapabilities Capabilities { get; }

    public IAsyncEnumerable<ChatChunk> StreamAsync(ChatRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Messages is not { Count: > 0 })
        {
            throw new ArgumentException($"{Id}: the request has no messages.", nameof(request));
        }

        var messages = AIMessageMapper.ToAIMessages(request);
        var options = AIMessageMapper.ToAIOptions(request, string.IsNullOrEmpty(request.Model) ? _defaultModel : request.Model);
        return StreamCoreAsync(messages, options, cancellationToken);
    }

    public async Task<IReadOnlyList<ChatModelInfo>> ListModelsAsync(CancellationToken cancellationToken = default)
    {
        if (_listModels is not null)
        {
            try
            {
                return await _listModels(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                throw MapException(ex, cancellationToken);
            }
        }

        if (_models.Count > 0)
        {
            return [.. _models.Select(m => new ChatModelInfo(m))];
        }

        var model = _defaultModel ?? (_client.GetService(typeof(AI.ChatClientMetadata)) as AI.ChatClientMetadata)?.DefaultModelId;
        return model is null ? [] : [new ChatModelInfo(model)];
    }

    private async IAsyncEnumerable<ChatChunk> StreamCoreAsync(
        List<AI.ChatMessage> messages, AI.ChatOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        IAsyncEnumerator<AI.ChatResponseUpdate> enumerator;
        try
        {
            enumerator = _client.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw MapException(ex, cancellationToken);
        }

        await using var _ = enumerator.ConfigureAwait(false);
        string? responseId = null;
        string? model = null;
        AI.ChatFinishReason? finishReason = null;
        string? rawFinishReason = null;
        var sawToolCall = false;
        var pending = new List<ChatChunk>(4);
        while (true)
        {
            try
            {
                if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                {
                    break;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                throw MapException(ex, cancellationToken);
            }

            var update = enumerator.Current;
            pending.Clear();
            var citations = update.AdditionalProperties?.TryGetValue(AIMessageMapper.CitationsKey, out var cited) == true ? cited as IReadOnlyList<string> : null;
            if ((update.ResponseId is { } id && id != responseId) || (update.ModelId is { } updateModel && updateModel != model) || citations is not null)
            {
                responseId = update.ResponseId ?? responseId;
                model = update.ModelId ?? model;
                pending.Add(ChatChunk.ForMetadata(new ChatResponseMetadata { ResponseId = responseId, Model = model, Citations = citations }));
            }

            foreach (var content in update.Contents)
            {
                switch (content)
                {
                    case AI.TextContent { Text.Length: > 0 } text:
                        pending.Add(ChatChunk.ForText(text.Text));
                        break;
                    case AI.TextReasoningContent reasoning when AIMessageMapper.IsRedacted(reasoning):
                        pending.Add(ChatChunk.ForRedactedReasoning(reasoning.ProtectedData ?? string.Empty));
                        break;
                    case AI.TextReasoningContent reasoning:
                        if (!string.IsNullOrEmpty(reasoning.Text))
                        {
                            pending.Add(ChatChunk.ForReasoning(reasoning.Text));
                        }

                        if (reasoning.ProtectedData is { } signature)
                        {
                            pending.Add(ChatChunk.ForReasoningSignature(signature));
                        }

                        break;
                    case AI.FunctionCallContent { InformationalOnly: false } call:
                        sawToolCall = true;
                        pending.Add(ChatChunk.ForToolCall(AIMessageMapper.FromAI(call)));
                        break;
                    case AI.UsageContent usage:
                        pending.Add(ChatChunk.ForUsage(AIMessageMapper.FromAI(usage.Details)));
                        break;
                    case AI.ErrorContent error:
                        throw ProviderErrors.FromStreamError(Id, error.ErrorCode, error.Message);
                }
            }

            finishReason = update.FinishReason ?? finishReason;
            if (update.AdditionalProperties?.TryGetValue(AIMessageMapper.RawFinishReasonKey, out var raw) == true && raw is string rawText)
            {
                rawFinishReason = rawText;
            }
            foreach (var chunk in pending)
            {
                yield return chunk;
            }
        }

        // A client's stream that ends normally is complete; a missing finish reason is inferred.
        var reason = finishReason is { } known ? AIMessageMapper.FromAI(known) : sawToolCall ? ChatFinishReason.ToolCalls : ChatFinishReason.Stop;
        yield return ChatChunk.ForFinish(reason, rawFinishReason ?? finishReason?.Value);
    }

    private NxtAIGenProviderException MapException(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        NxtAIGenProviderException provider => provider,
        HttpRequestException { StatusCode: { } status } => new NxtAIGenProviderException(
            ProviderErrors.KindFromStatus((int)status), Id, $"{Id}: HTTP {(int)status} {status}.", exception)
        {
            StatusCode = (int)status,
        },
        HttpRequestException => ProviderErrors.Network(Id, exception),
        IOException => ProviderErrors.Network(Id, exception),
        TimeoutException => new NxtAIGenProviderException(ProviderErrorKind.Timeout, Id, $"{Id}: the chat client timed out.", exception),
        OperationCanceledException when !cancellationToken.IsCancellationRequested =>
            new NxtAIGenProviderException(ProviderErrorKind.Timeout, Id, $"{Id}: the chat client timed out.", exception),
        _ => new NxtAIGenProviderException(ProviderErrorKind.Server, Id, $"{Id}: the chat client failed ({exception.GetType().Name}).", exception),
    };
}
