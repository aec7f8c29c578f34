using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NxtAIGen.Abstractions;
using NxtAIGen.AspNetCore.Quotas;

namespace NxtAIGen.AspNetCore.Streaming;

/// <summary>
/// Streams one generation to the client as PROTOCOL.md says: <c>start</c> at once, each chunk flushed as it
/// arrives, heartbeats while silent, retries only before the first content, an idle timeout re-armed per chunk,
/// and exactly one terminal event.
/// </summary>
internal sealed partial class ChatStreamRunner
{
    private readonly IOptionsMonitor<NxtAIGenOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly IHostApplicationLifetime? _lifetime;
    private readonly ILogger<ChatStreamRunner> _logger;
    private readonly StreamRetryPolicy _retryPolicy;

    public ChatStreamRunner(
        IOptionsMonitor<NxtAIGenOptions> options,
        TimeProvider timeProvider,
        ILogger<ChatStreamRunner> logger,
        StreamRetryPolicy retryPolicy,
        IHostApplicationLifetime? lifetime = null)
    {
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _retryPolicy = retryPolicy;
        _lifetime = lifetime;
    }

    /// <summary>Streams PROTOCOL.md's Server-Sent Events.</summary>
    public Task<ChatStreamOutcome> RunAsync(
        HttpContext context,
        IChatStreamProvider provider,
        ChatRequest request,
        IChatQuotaLease lease,
        long startedAt,
        ChatStreamStart start,
        IReadOnlyList<IChatStreamObserver> observers) =>
        RunAsync(context, [new StreamCandidate(provider, request, request.Model)], lease, startedAt, start, observers, OpenSseAsync);

    /// <summary>Streams PROTOCOL.md's Server-Sent Events from the first candidate that gets to its first content; the others are fallbacks, in order.</summary>
    public Task<ChatStreamOutcome> RunAsync(
        HttpContext context,
        IReadOnlyList<StreamCandidate> candidates,
        IChatQuotaLease lease,
        long startedAt,
        ChatStreamStart start,
        IReadOnlyList<IChatStreamObserver> observers) =>
        RunAsync(context, candidates, lease, startedAt, start, observers, OpenSseAsync);

    /// <summary>Runs a generation into the writer <paramref name="openWriter"/> makes (the gateway's OpenAI formats, say).</summary>
    public Task<ChatStreamOutcome> RunAsync(
        HttpContext context,
        IChatStreamProvider provider,
        ChatRequest request,
        IChatQuotaLease lease,
        long startedAt,
        ChatStreamStart start,
        IReadOnlyList<IChatStreamObserver> observers,
        Func<HttpContext, NxtAIGenStreamingOptions, TimeProvider, ValueTask<IChatStreamWriter>> openWriter) =>
        RunAsync(context, [new StreamCandidate(provider, request, request.Model)], lease, startedAt, start, observers, openWriter);

    /// <summary>Runs a generation, from the first candidate that gets to its first content, into the writer <paramref name="openWriter"/> makes.</summary>
    public Task<ChatStreamOutcome> RunAsync(
        HttpContext context,
        IReadOnlyList<StreamCandidate> candidates,
        IChatQuotaLease lease,
        long startedAt,
        ChatStreamStart start,
        IReadOnlyList<IChatStreamObserver> observers,
        Func<HttpContext, NxtAIGenStreamingOptions, TimeProvider, ValueTask<IChatStreamWriter>> openWriter) =>
        RunAsync(streaming => openWriter(context, streaming, _timeProvider), candidates, lease, startedAt, start, observers, context.RequestAborted);

    /// <summary>
    /// Runs a generation into the writer <paramref name="openWriter"/> makes, canceled by <paramref name="aborted"/> (the
    /// client's disconnect, or a resumable stream's stop) rather than by a request.
    /// </summary>
    public async Task<ChatStreamOutcome> RunAsync(
        Func<NxtAIGenStreamingOptions, ValueTask<IChatStreamWriter>> openWriter,
        IReadOnlyList<StreamCandidate> candidates,
        IChatQuotaLease lease,
        long startedAt,
        ChatStreamStart start,
        IReadOnlyList<IChatStreamObserver> observers,
        CancellationToken aborted)
    {
        var provider = candidates[0].Provider;
        var request = candidates[0].Request;
        var streaming = _options.CurrentValue.Streaming;
        var stopping = _lifetime?.ApplicationStopping ?? CancellationToken.None;
        // One cancellation source for the client, shutdown and the idle timeout, which cancels it when the provider has
        // been silent too long (touched per chunk, not re-armed).
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(aborted, stopping);
        var idle = new SilenceTimer(_timeProvider, CancelSilentStream, linked);
        await using var stopIdle = idle.ConfigureAwait(false);
        var observed = observers.Count > 0;
        var outcome = new ChatStreamOutcome { Provider = provider.Id, Model = candidates[0].Model, Text = observed ? new() : null, Reasoning = observed ? new() : null };
        var requestId = start.RequestId;

        var settled = false;
        IChatStreamWriter? writer = null;
        try
        {
            writer = await openWriter(streaming).ConfigureAwait(false);
            await writer.WriteStartAsync(requestId, provider.Id, candidates[0].Model ?? request.Model ?? string.Empty).ConfigureAwait(false);
            Log.StreamStarted(_logger, requestId, provider.Id, request.Model);

            idle.Arm(streaming.IdleTimeout);
            var opened = await _retryPolicy.OpenAsync(candidates, idle.Touch, linked.Token).ConfigureAwait(false);
            if (opened.Candidate is { } answering && !ReferenceEquals(answering, candidates[0]))
            {
                outcome.Provider = answering.Provider.Id;
                outcome.Model = answering.Model;
                Log.FellBack(_logger, requestId, answering.Provider.Id, answering.Model);
                await writer.AnsweredByAsync(answering.Provider.Id, answering.Model).ConfigureAwait(false);
            }

            await using (opened.Enumerator.ConfigureAwait(false))
            {
                foreach (var chunk in opened.Leading)
                {
                    await ForwardAsync(writer, chunk, outcome, startedAt).ConfigureAwait(false);
                }

                if (!opened.Ended)
                {
                    do
                    {
                        idle.Touch();
                        await ForwardAsync(writer, opened.Enumerator.Current, outcome, startedAt).ConfigureAwait(false);
                    }
                    while (await opened.Enumerator.MoveNextAsync().ConfigureAwait(false));
                }
            }

            idle.Arm(Timeout.InfiniteTimeSpan);
            outcome.Elapsed = _timeProvider.GetElapsedTime(startedAt);
            if (!outcome.SawFinish)
            {
                // A provider that ends its sequence without a finish chunk has not said the answer is complete.
                throw ProviderErrors.Incomplete(outcome.Provider);
            }

            outcome.End = ChatStreamEnd.Done;
            var quotaFields = await lease.SettleAsync(outcome, CancellationToken.None).ConfigureAwait(false);
            settled = true;
            await writer.WriteDoneAsync(outcome, quotaFields).ConfigureAwait(false);
            Log.StreamDone(_logger, requestId, outcome.FinishReason, (long)outcome.Elapsed.TotalMilliseconds);
        }
        catch (Exception) when (aborted.IsCancellationRequested)
        {
            outcome.End = settled ? ChatStreamEnd.Done : ChatStreamEnd.ClientDisconnected;
            outcome.Elapsed = _timeProvider.GetElapsedTime(startedAt);
            Log.ClientDisconnected(_logger, requestId);
        }
        catch (Exception ex)
        {
            outcome.Elapsed = _timeProvider.GetElapsedTime(startedAt);
            var (message, code, retryAfter) = Describe(ex, idle.Fired, stopping.IsCancellationRequested, streaming.IdleTimeout);
            if (code == "internal")
            {
                Log.StreamFailedUnexpectedly(_logger, requestId, ex);
            }
            else
            {
                Log.StreamFailed(_logger, requestId, code, ex.Message);
            }

            outcome.End = ChatStreamEnd.Error;
            outcome.ErrorCode = code;
            outcome.ErrorMessage = message;
            if (writer is { IsTerminated: false })
            {
                try
                {
                    await writer.WriteErrorAsync(message, code, retryAfter).ConfigureAwait(false);
                }
                catch (Exception writeError) when (IsClientGone(writeError) || aborted.IsCancellationRequested)
                {
                    outcome.End = ChatStreamEnd.ClientDisconnected;
                }
            }
        }

        try
        {
            if (!settled)
            {
                await lease.SettleAsync(outcome, CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            if (writer is not null)
            {
                await writer.DisposeAsync().ConfigureAwait(false);
            }
        }

        if (observed)
        {
            await NotifyEndAsync(start, outcome.Provider, outcome, observers, stopping).ConfigureAwait(false);
        }

        return outcome;
    }

    private async Task NotifyEndAsync(ChatStreamStart start, string providerId, ChatStreamOutcome outcome, IReadOnlyList<IChatStreamObserver> observers, CancellationToken stopping)
    {
        var completion = new ChatStreamCompletion
        {
            Start = start,
            Termination = outcome.End switch
            {
                ChatStreamEnd.Done => ChatStreamTermination.Done,
                ChatStreamEnd.Error => ChatStreamTermination.Error,
                _ => ChatStreamTermination.Disconnected,
            },
            Text = outcome.Text?.ToString() ?? string.Empty,
            Reasoning = outcome.Reasoning?.ToString() ?? string.Empty,
            ProviderId = providerId,
            Model = outcome.Model,
            Usage = outcome.Usage,
            TimeToFirstToken = outcome.TimeToFirstToken,
            Duration = outcome.Elapsed,
            ReasoningDuration = outcome.FirstReasoningAt is { } reasoningAt ? (outcome.FirstTextAt ?? outcome.Elapsed) - reasoningAt : null,
            FinishReason = outcome.SawFinish ? outcome.FinishReason : null,
            ErrorCode = outcome.End == ChatStreamEnd.Error ? outcome.ErrorCode : null,
            ErrorMessage = outcome.End == ChatStreamEnd.Error ? outcome.ErrorMessage : null,
        };
        foreach (var observer in observers)
        {
            try
            {
                await observer.OnEndAsync(completion, stopping).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                Log.ObserverFailed(_logger, start.RequestId, observer.GetType().Name, ex);
            }
        }
    }

    private static async ValueTask<IChatStreamWriter> OpenSseAsync(HttpContext context, NxtAIGenStreamingOptions streaming, TimeProvider timeProvider)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await response.StartAsync(context.RequestAborted).ConfigureAwait(false);
        return new SseWriter(response.BodyWriter, timeProvider, streaming.HeartbeatInterval, context.RequestAborted);
    }

    private async ValueTask ForwardAsync(IChatStreamWriter writer, ChatChunk chunk, ChatStreamOutcome outcome, long startedAt)
    {
        switch (chunk.Kind)
        {
            case ChatChunkKind.Text:
            case ChatChunkKind.Refusal:
                if (string.IsNullOrEmpty(chunk.Text))
                {
                    return;
                }

                MarkContent(outcome, startedAt);
                if (outcome.Text is { } text)
                {
                    outcome.FirstTextAt ??= _timeProvider.GetElapsedTime(startedAt);
                    text.Append(chunk.Text);
                }

                await writer.WriteContentAsync(chunk.Text).ConfigureAwait(false);
                break;
            case ChatChunkKind.Reasoning:
                if (string.IsNullOrEmpty(chunk.Text))
                {
                    return;
                }

                MarkContent(outcome, startedAt);
                if (outcome.Reasoning is { } reasoning)
                {
                    outcome.FirstReasoningAt ??= _timeProvider.GetElapsedTime(startedAt);
                    reasoning.Append(chunk.Text);
                }

                await writer.WriteThinkingAsync(chunk.Text).ConfigureAwait(false);
                break;
            case ChatChunkKind.ToolCall:
                MarkContent(outcome, startedAt);
                await writer.WriteToolCallAsync(chunk.ToolCall!).ConfigureAwait(false);
                break;
            case ChatChunkKind.Usage:
                outcome.Usage = chunk.Usage;
                break;
            case ChatChunkKind.Metadata:
                outcome.Model = chunk.Metadata!.Model ?? outcome.Model;
                break;
            case ChatChunkKind.Finish:
                outcome.FinishReason = chunk.FinishReason!.Value;
                outcome.SawFinish = true;
                break;
            default:
                // Signatures and redacted reasoning matter to hosts that store conversations, not to the wire.
                break;
        }
    }

    private void MarkContent(ChatStreamOutcome outcome, long startedAt)
    {
        if (!outcome.ProducedContent)
        {
            outcome.ProducedContent = true;
            outcome.TimeToFirstToken = _timeProvider.GetElapsedTime(startedAt);
        }
    }

    private static void CancelSilentStream(object linked)
    {
        try
        {
            ((CancellationTokenSource)linked).Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The stream ended meanwhile.
        }
    }

    private static bool IsClientGone(Exception ex) => ex is IOException or ConnectionAbortedException;

    // Whatever surfaces after our own idle timer or shutdown fired (an OperationCanceledException, or an IOException
    // from the cancelled upstream socket) is that timer's doing, so those are checked first.
    private static (string Message, string Code, TimeSpan? RetryAfter) Describe(Exception ex, bool idleFired, bool stopping, TimeSpan idleTimeout) => ex switch
    {
        _ when idleFired =>
            ($"The provider sent nothing for {idleTimeout.TotalSeconds:0} seconds, so the answer was stopped.", "timeout", null),
        _ when stopping => ("The server is shutting down; please send your message again.", "canceled", null),
        OperationCanceledException => ("The answer was canceled.", "canceled", null),
        NxtAIGenProviderException p => (p.Message, ErrorCode(p.Kind), p.RetryAfter),
        _ => ("Something went wrong while streaming the answer.", "internal", null),
    };

    private static string ErrorCode(ProviderErrorKind kind) => kind switch
    {
        ProviderErrorKind.RateLimited => "rate_limited",
        ProviderErrorKind.Overloaded => "overloaded",
        ProviderErrorKind.Timeout => "timeout",
        ProviderErrorKind.Incomplete => "incomplete",
        _ => "provider_error",
    };

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Stream {RequestId} started with provider {Provider}, model {Model}.")]
        public static partial void StreamStarted(ILogger logger, string requestId, string provider, string? model);

        [LoggerMessage(2, LogLevel.Debug, "Stream {RequestId} done ({FinishReason}) in {ElapsedMs} ms.")]
        public static partial void StreamDone(ILogger logger, string requestId, ChatFinishReason finishReason, long elapsedMs);

        [LoggerMessage(3, LogLevel.Information, "Stream {RequestId}: the client disconnected; the upstream request was canceled.")]
        public static partial void ClientDisconnected(ILogger logger, string requestId);

        [LoggerMessage(4, LogLevel.Warning, "Stream {RequestId} ended with error {Code}: {Message}")]
        public static partial void StreamFailed(ILogger logger, string requestId, string code, string message);

        [LoggerMessage(5, LogLevel.Error, "Stream {RequestId} failed unexpectedly.")]
        public static partial void StreamFailedUnexpectedly(ILogger logger, string requestId, Exception exception);

        [LoggerMessage(6, LogLevel.Error, "Stream {RequestId}: the observer {Observer} failed at the end of the stream.")]
        public static partial void ObserverFailed(ILogger logger, string requestId, string observer, Exception exception);

        [LoggerMessage(7, LogLevel.Information, "Stream {RequestId} is answered by fallback provider {Provider}, model {Model}.")]
        public static partial void FellBack(ILogger logger, string requestId, string provider, string? model);
    }
}
