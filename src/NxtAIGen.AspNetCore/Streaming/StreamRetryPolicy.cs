using Microsoft.Extensions.Options;
using NxtAIGen.Abstractions;
using Polly;
using Polly.Retry;

namespace NxtAIGen.AspNetCore.Streaming;

/// <summary>
/// Opens a provider stream with retries (Polly: exponential backoff with jitter, honouring <c>Retry-After</c>),
/// but only until the first content, reasoning or tool call: after that a failure is the client's error event,
/// because text it has seen cannot be taken back.
/// </summary>
internal sealed class StreamRetryPolicy
{

    private readonly TimeProvider _timeProvider;
    private readonly IOptionsMonitor<NxtAIGenOptions> _options;
    private (NxtAIGenStreamingOptions Options, ResiliencePipeline Pipeline)? _cached;

    public StreamRetryPolicy(TimeProvider timeProvider, IOptionsMonitor<NxtAIGenOptions> options)
    {
        _timeProvider = timeProvider;
        _options = options;
    }

    public async Task<OpenedStream> OpenAsync(IChatStreamProvider provider, ChatRequest request, Action onAttempt, CancellationToken cancellationToken)
    {
        var pipeline = GetPipeline();
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            return await pipeline.ExecuteAsync(
                static async (ctx, state) =>
                {
                    state.onAttempt();
                    return await OpenOnceAsync(state.provider, state.request, ctx.CancellationToken).ConfigureAwait(false);
                },
                context,
                (provider, request, onAttempt)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    internal static bool IsContent(in ChatChunk chunk) => chunk.Kind switch
    {
        ChatChunkKind.Text or ChatChunkKind.Refusal or ChatChunkKind.Reasoning => !string.IsNullOrEmpty(chunk.Text),
        ChatChunkKind.ToolCall => true,
        _ => false,
    };

    private static async ValueTask<OpenedStream> OpenOnceAsync(IChatStreamProvider provider, ChatRequest request, CancellationToken cancellationToken)
    {
        var enumerator = provider.StreamAsync(request, cancellationToken).GetAsyncEnumerator(cancellationToken);
        List<ChatChunk>? leading = null;
        try
        {
            while (await enumerator.MoveNextAsync().ConfigureAwait(false))
            {
                var chunk = enumerator.Current;
                if (IsContent(chunk))
                {
                    return new OpenedStream(enumerator, (IReadOnlyList<ChatChunk>?)leading ?? [], Ended: false);
                }

                (leading ??= []).Add(chunk);
            }

            return new OpenedStream(enumerator, (IReadOnlyList<ChatChunk>?)leading ?? [], Ended: true);
        }
        catch
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private ResiliencePipeline GetPipeline()
    {
        var options = _options.CurrentValue.Streaming;
        if (_cached is { } cached && ReferenceEquals(cached.Options, options))
        {
            return cached.Pipeline;
        }

        var builder = new ResiliencePipelineBuilder { TimeProvider = _timeProvider };
        if (options.MaxRetries > 0)
        {
            var maxDelay = options.MaxRetryDelay;
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                MaxDelay = maxDelay,
                ShouldHandle = new PredicateBuilder().Handle<NxtAIGenProviderException>(e =>
                    e.IsTransient && e.Kind != ProviderErrorKind.Timeout && (e.RetryAfter is null || e.RetryAfter <= maxDelay)),
                DelayGenerator = static args =>
                    ValueTask.FromResult(args.Outcome.Exception is NxtAIGenProviderException { RetryAfter: { } wait } ? wait : (TimeSpan?)null),
            });
        }

        var pipeline = builder.Build();
        _cached = (options, pipeline);
        return pipeline;
    }
}
