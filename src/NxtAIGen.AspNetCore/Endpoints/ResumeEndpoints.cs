using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using NxtAIGen.AspNetCore.Resume;

namespace NxtAIGen.AspNetCore.Endpoints;

/// <summary>
/// <c>GET {prefix}/chat/stream/{id}</c> (resume, from <c>Last-Event-ID</c>) and <c>POST {prefix}/chat/stream/{id}/stop</c>.
/// Only the caller who started a stream sees it: for anyone else, as for an unknown or expired id, it does not exist.
/// </summary>
internal static class ResumeEndpoints
{
    public static async Task ResumeAsync(
        HttpContext context,
        string id,
        IOptionsMonitor<NxtAIGenOptions> options,
        ICallerResolver callers,
        IResumableStreamStore store,
        ResumableStreams streams)
    {
        long afterId = 0;
        var header = context.Request.Headers["Last-Event-ID"].ToString();
        if (header.Length > 0 && (!long.TryParse(header, NumberStyles.None, CultureInfo.InvariantCulture, out afterId)))
        {
            await ApiProblem.InvalidRequest("Last-Event-ID must be the id of an event of this stream (a whole number, 0 for the beginning).").ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var stream = await FindOwnAsync(context, id, options, callers, store).ConfigureAwait(false);
        if (stream is null || afterId + 1 < stream.FirstBufferedId)
        {
            await NotFound().ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        await streams.ServeAsync(context, stream.Id, afterId).ConfigureAwait(false);
    }

    public static async Task StopAsync(
        HttpContext context,
        string id,
        IOptionsMonitor<NxtAIGenOptions> options,
        ICallerResolver callers,
        IResumableStreamStore store)
    {
        var stream = await FindOwnAsync(context, id, options, callers, store).ConfigureAwait(false);
        if (stream is null)
        {
            await NotFound().ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        if (!stream.Completed)
        {
            await store.RequestStopAsync(stream.Id, context.RequestAborted).ConfigureAwait(false);
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private static ApiProblem NotFound() =>
        new(StatusCodes.Status404NotFound, "stream_not_found", "There is no resumable stream with this id, or it has expired.");

    private static async Task<ResumableStreamInfo?> FindOwnAsync(
        HttpContext context,
        string id,
        IOptionsMonitor<NxtAIGenOptions> options,
        ICallerResolver callers,
        IResumableStreamStore store)
    {
        if (!options.CurrentValue.Streaming.Resume.Enabled || id.Length is 0 or > 64)
        {
            return null;
        }

        var caller = await callers.ResolveAsync(context).ConfigureAwait(false);
        var stream = await store.FindAsync(id, context.RequestAborted).ConfigureAwait(false);
        return stream is not null && string.Equals(stream.Owner, ResumableStreams.OwnerOf(caller), StringComparison.Ordinal) ? stream : null;
    }
}
