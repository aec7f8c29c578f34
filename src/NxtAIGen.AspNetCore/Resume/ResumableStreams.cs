using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NxtAIGen.AspNetCore.Quotas;
using NxtAIGen.AspNetCore.Streaming;

namespace NxtAIGen.AspNetCore.Resume;

/// <summary>
/// Runs resumable generations (<c>NxtAIGen:Streaming:Resume:Enabled</c>): detached from the request that started them,
/// into the <see cref="IResumableStreamStore"/>, canceled only by a stop request, by their grace period running out with
/// no client reading, or by shutdown; and serves every client, the first one included, from the store.
/// </summary>
internal sealed partial class ResumableStreams
{
    private readonly IResumableStreamStore _store;
    private readonly ChatStreamRunner _runner;
    private readonly IOptionsMonitor<NxtAIGenOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly IServiceProvider _services;
    private readonly IHostApplicationLifetime? _lifetime;
    private readonly ILogger<ResumableStreams> _logger;

    public ResumableStreams(
        IResumableStreamStore store,
        ChatStreamRunner runner,
        IOptionsMonitor<NxtAIGenOptions> options,
        TimeProvider timeProvider,
        IServiceProvider services,
        ILogger<ResumableStreams> logger,
        IHostApplicationLifetime? lifetime = null)
    {
        _store = store;
        _runner = runner;
        _options = options;
        _timeProvider = timeProvider;
        _services = services;
        _logger = logger;
        _lifetime = lifetime;
    }

    /// <summary>The owner key of a caller: a user by id, a guest by the guest identity the quota uses.</summary>
    public static string OwnerOf(ChatCaller caller) => (caller.IsUser ? "user:" : "guest:") + caller.Id;

    /// <summary>Starts the generation in the background, then streams it to this request like to any resuming client.</summary>
    public async Task StartAsync(
        HttpContext context,
        IReadOnlyList<StreamCandidate> candidates,
        IChatQuotaLease lease,
        long startedAt,
        ChatStreamStart start,
        IReadOnlyList<IChatStreamObserver> observers)
    {
        var id = start.RequestId;
        var resume = _options.CurrentValue.Streaming.Resume;
        var generation = new Generation(resume.GracePeriod, _timeProvider);
        IAsyncDisposable? watch = null;
        try
        {
            await _store.CreateAsync(id, OwnerOf(start.Caller), CancellationToken.None).ConfigureAwait(false);
            watch = await _store.WatchAsync(id, generation.OnSignal, CancellationToken.None).ConfigureAwait(false);

            // The first client counts as a reader before the generation starts, so its grace period cannot start early.
            await _store.AttachReaderAsync(id, CancellationToken.None).ConfigureAwait(false);
        }
        catch
        {
            // The store failed (Redis unreachable: 503 store_unavailable) before anything was generated: charge nothing.
            if (watch is not null)
            {
                await watch.DisposeAsync().ConfigureAwait(false);
            }

            generation.Dispose();
            await lease.ReleaseAsync().ConfigureAwait(false);
            throw;
        }

        var detached = Detach(start);
        _ = Task.Run(() => RunAsync(generation, watch, resume, candidates, lease, startedAt, detached, observers));
        await ServeAsync(context, id, 0, attached: true).ConfigureAwait(false);
    }

    /// <summary>Streams the events after <paramref name="afterId"/>, then the live ones, until the terminal event or the client leaves.</summary>
    public async Task ServeAsync(HttpContext context, string id, long afterId, bool attached = false)
    {
        var aborted = context.RequestAborted;
        var streaming = _options.CurrentValue.Streaming;
        if (!attached)
        {
            await _store.AttachReaderAsync(id, CancellationToken.None).ConfigureAwait(false);
        }

        SseWriter? writer = null;
        try
        {
            var response = context.Response;
            response.ContentType = "text/event-stream; charset=utf-8";
            response.Headers.CacheControl = "no-cache";
            response.Headers["X-Accel-Buffering"] = "no";
            context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            await response.StartAsync(aborted).ConfigureAwait(false);

            // Send the headers now: the next event may be a while coming, and the client waits for them to start reading.
            await response.BodyWriter.FlushAsync(aborted).ConfigureAwait(false);
            writer = new SseWriter(response.BodyWriter, _timeProvider, streaming.HeartbeatInterval, aborted);
            await foreach (var item in _store.ReadAsync(id, afterId, aborted).ConfigureAwait(false))
            {
                await writer.WriteFrameAsync(item.Frame, item.IsTerminal).ConfigureAwait(false);
            }
        }
        catch (Exception) when (aborted.IsCancellationRequested)
        {
            Log.ReaderLeft(_logger, id);
        }
        catch (Exception ex) when (ex is IOException or ConnectionAbortedException)
        {
            Log.ReaderLeft(_logger, id);
        }
        catch (InvalidOperationException ex)
        {
            // The reader fell behind the buffer (MaxBufferedEvents): end the response; its resume gets 404.
            Log.ReaderFellBehind(_logger, id, ex.Message);
        }
        finally
        {
            if (writer is not null)
            {
                await writer.DisposeAsync().ConfigureAwait(false);
            }

            await _store.DetachReaderAsync(id, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task RunAsync(
        Generation generation,
        IAsyncDisposable watch,
        NxtAIGenResumeOptions resume,
        IReadOnlyList<StreamCandidate> candidates,
        IChatQuotaLease lease,
        long startedAt,
        ChatStreamStart start,
        IReadOnlyList<IChatStreamObserver> observers)
    {
        var id = start.RequestId;
        try
        {
            await _runner.RunAsync(
                _ => ValueTask.FromResult<IChatStreamWriter>(new BufferedStreamWriter(_store, id, resume, _timeProvider, generation.StopReason)),
                candidates,
                lease,
                startedAt,
                start,
                observers,
                generation.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Log.GenerationFailed(_logger, id, ex);
        }
        finally
        {
            await watch.DisposeAsync().ConfigureAwait(false);
            generation.Dispose();
        }

        if (generation.StoppedBy is { } reason)
        {
            Log.GenerationStopped(_logger, id, reason);
        }
    }

    // The request ends while the generation runs on: observers get a context that outlives it, with the same user,
    // items (what their OnStartAsync stored), trace id and address, and the application's services.
    private ChatStreamStart Detach(ChatStreamStart start)
    {
        var original = start.HttpContext;
        var copy = new DefaultHttpContext
        {
            RequestServices = _services,
            User = original.User,
            TraceIdentifier = original.TraceIdentifier,
            Items = original.Items,
            RequestAborted = _lifetime?.ApplicationStopping ?? CancellationToken.None,
        };
        copy.Connection.RemoteIpAddress = original.Connection.RemoteIpAddress;
        copy.Request.Method = original.Request.Method;
        copy.Request.Scheme = original.Request.Scheme;
        copy.Request.Host = original.Request.Host;
        copy.Request.PathBase = original.Request.PathBase;
        copy.Request.Path = original.Request.Path;
        return new ChatStreamStart
        {
            HttpContext = copy,
            RequestId = start.RequestId,
            Caller = start.Caller,
            ProviderId = start.ProviderId,
            Model = start.Model,
            Request = start.Request,
            ConversationId = start.ConversationId,
            AdditionalFields = start.AdditionalFields,
        };
    }

    private static partial class Log
    {
        [LoggerMessage(160, LogLevel.Debug, "Resumable stream {RequestId}: a reader left.")]
        public static partial void ReaderLeft(ILogger logger, string requestId);

        [LoggerMessage(161, LogLevel.Warning, "Resumable stream {RequestId}: a reader fell behind the buffer ({Message}).")]
        public static partial void ReaderFellBehind(ILogger logger, string requestId, string message);

        [LoggerMessage(162, LogLevel.Error, "Resumable stream {RequestId}: the generation failed.")]
        public static partial void GenerationFailed(ILogger logger, string requestId, Exception exception);

        [LoggerMessage(163, LogLevel.Information, "Resumable stream {RequestId} was stopped ({Reason}); the upstream request was canceled.")]
        public static partial void GenerationStopped(ILogger logger, string requestId, string reason);
    }
}
