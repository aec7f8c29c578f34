using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NxtAIGen.Abstractions;
using Polly;
using Polly.Retry;

namespace NxtAIGen.AspNetCore.Streaming;

/// <summary>
/// Opens a provider stream with retries (Polly: exponential backoff with jitter, honouring <c>Retry-After</c> up to
/// <see cref="NxtAIGenRetryOptions.MaxRetryAfter"/>), then falls back to the next candidate provider, but only until the
/// first content, reasoning or tool call: after that a failure is the client's error event, because text it has seen
/// cannot be taken back.
/// </summary>
internal sealed partial class StreamRetryPolicy
{
    private static readonly ResiliencePropertyKey<string> ProviderKey = new("nxtaigen.provider");
    private readonly TimeProvider _timeProvider;
    private readonly IOptionsMonitor<NxtAIGenOptions> _options;
    private readonly ILogger<StreamRetryPolicy> _logger;
    private (NxtAIGenRetryOptions Options, ResiliencePipeline Pipeline)? _cached;

    public StreamRetryPolicy(TimeProvider timeProvider, IOptionsMonitor<NxtAIGenOptions> options, ILogger<StreamRetryPolicy>? logger = null)
    {
        _timeProvider = timeProvider;
        _options = options;
        _logger = logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger<StreamRetryPolicy>.Instance;
    }

    public Task<OpenedStream> OpenAsync(IChatStreamProvider provider, ChatRequest request, Action onAttempt, CancellationToken cancellationToken) =>
        OpenAsync([new StreamCandidate(provider, request, request.Model)], onAttempt, cancellationToken);

    public async Task<OpenedStream> OpenAsync(IReadOnlyList<StreamCandidate> candidates, Action onAttempt, CancellationToken cancellationToken)
    {
        var pipeline = GetPipeline();
        NxtAIGenProviderException? previous = null;
        for (var i = 0; i < candidates.Count; i++)
        {
            var candidate = candidates[i];
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(ProviderKey, candidate.Provider.Id);
            try
            {
                var opened = await pipeline.ExecuteAsync(
                    static async (ctx, state) =>
                    {
                        state.onAttempt();
                        return await OpenOnceAsync(state.candidate.Provider, state.candidate.Request, ctx.CancellationToken).ConfigureAwait(false);
                    },
                    context,
                    (candidate, onAttempt)).ConfigureAwait(false);
                return opened with { Candidate = candidate };
            }
            catch (NxtAIGenProviderException ex) when (i < candidates.Count - 1 && CanFallBack(ex))
            {
                Log.FallingBack(_logger, candidate.Provider.Id, candidate.Model, ex.Kind, candidates[i + 1].Provider.Id, candidates[i + 1].Model);
                previous = ex;
            }
            catch (ArgumentException ex) when (i > 0)
            {
                // A fallback that cannot take the request (no default model, say) is skipped; the last real failure stands.
                Log.FallbackSkipped(_logger, candidate.Provider.Id, ex.Message);
                if (i == candidates.Count - 1)
                {
                    throw previous!;
                }
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }

        throw previous ?? (Exception)new InvalidOperationException("No provider to try.");
    }

    internal static bool IsContent(in ChatChunk chunk) => chunk.Kind switch
    {
        ChatChunkKind.Text or ChatChunkKind.Refusal or ChatChunkKind.Reasoning => !string.IsNullOrEmpty(chunk.Text),
        ChatChunkKind.ToolCall => true,
        _ => false,
    };

    /// <summary>Another provider may succeed where this one failed, except when the request itself is at fault.</summary>
    private static bool CanFallBack(NxtAIGenProviderException exception) =>
        exception.Kind is not (ProviderErrorKind.InvalidRequest or ProviderErrorKind.ContentFilter);

    /// <summary>The backoff before retry <paramref name="attempt"/> (0-based): base × 2^attempt capped at the maximum, then jittered to between half and all of it.</summary>
    internal static TimeSpan Backoff(int attempt, TimeSpan baseDelay, TimeSpan maxDelay, double random)
    {
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30));
        var capped = Math.Min(exponential, maxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (random / 2)));
    }

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
        var options = _options.CurrentValue.Streaming.Retry;
        if (_cached is { } cached && ReferenceEquals(cached.Options, options))
        {
            return cached.Pipeline;
        }

        var builder = new ResiliencePipelineBuilder { TimeProvider = _timeProvider };
        if (options.MaxAttempts > 1)
        {
            var maxRetryAfter = options.MaxRetryAfter;
            var baseDelay = options.BaseDelay;
            var maxDelay = options.MaxDelay;
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                ShouldHandle = new PredicateBuilder().Handle<NxtAIGenProviderException>(e =>
                    e.IsTransient && e.Kind != ProviderErrorKind.Timeout && (e.RetryAfter is null || e.RetryAfter <= maxRetryAfter)),
                // Every delay is ours: Retry-After when the provider gave one (never cut short), else the jittered backoff.
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    args.Outcome.Exception is NxtAIGenProviderException { RetryAfter: { } wait }
                        ? wait
                        : Backoff(args.AttemptNumber, baseDelay, maxDelay, Random.Shared.NextDouble())),
                OnRetry = args =>
                {
                    var kind = args.Outcome.Exception is NxtAIGenProviderException provider ? provider.Kind : ProviderErrorKind.Server;
                    Log.Retrying(_logger, args.Context.Properties.GetValue(ProviderKey, "?"), kind, args.AttemptNumber + 1, (long)args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            });
        }

        var pipeline = builder.Build();
        _cached = (options, pipeline);
        return pipeline;
    }

    private static partial class Log
    {
        [LoggerMessage(30, LogLevel.Information, "Provider {Provider} ({Model}) failed before the first content ({Kind}); falling back to {Next} ({NextModel}).")]
        public static partial void FallingBack(ILogger logger, string provider, string? model, ProviderErrorKind kind, string next, string? nextModel);

        [LoggerMessage(33, LogLevel.Information, "Provider {Provider} failed before the first content ({Kind}); retry {Retry} in {DelayMs} ms.")]
        public static partial void Retrying(ILogger logger, string provider, ProviderErrorKind kind, int retry, long delayMs);

        [LoggerMessage(31, LogLevel.Warning, "Fallback provider {Provider} was skipped: {Reason}")]
        public static partial void FallbackSkipped(ILogger logger, string provider, string reason);
    }
}
