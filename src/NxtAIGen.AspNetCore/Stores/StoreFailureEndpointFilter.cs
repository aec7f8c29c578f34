using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NxtAIGen.AspNetCore.Endpoints;
using NxtAIGen.AspNetCore.Gateway;

namespace NxtAIGen.AspNetCore.Stores;

/// <summary>
/// Turns a store that cannot be reached (<see cref="NxtAIGenStoreUnavailableException"/>, or a transient
/// <see cref="DbException"/> such as PostgreSQL refusing connections) into 503 <c>store_unavailable</c> with
/// <c>Retry-After</c>, when nothing was written yet: a clear answer at once, no stack trace, no host name. After the
/// stream has started, the stream's own <c>error</c> event reports failures.
/// </summary>
internal sealed partial class StoreFailureEndpointFilter : IEndpointFilter
{
    private readonly bool _openAI;

    /// <summary>Initializes a new instance of the <see cref="StoreFailureEndpointFilter"/> class.</summary>
    /// <param name="openAI">Answer in the OpenAI-compatible gateway's error shape (<c>{"error": {...}}</c>) rather than problem+json.</param>
    public StoreFailureEndpointFilter(bool openAI = false) => _openAI = openAI;

    /// <summary>How long clients are asked to wait before trying again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (Exception ex) when (FindStore(ex) is { } store && !context.HttpContext.Response.HasStarted)
        {
            LogUnavailable(context.HttpContext.RequestServices.GetRequiredService<ILogger<StoreFailureEndpointFilter>>(), store, context.HttpContext.Request.Path, ex);
            var problem = new ApiProblem(StatusCodes.Status503ServiceUnavailable, "store_unavailable", "A storage service this server depends on is unavailable. Try again shortly.")
            {
                RetryAfter = RetryAfter,
            };
            return _openAI ? OpenAIError.FromProblem(problem) : problem;
        }
    }

    /// <summary>The kind of store an exception says is unavailable, or <see langword="null"/> for any other failure.</summary>
    public static string? FindStore(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case NxtAIGenStoreUnavailableException unavailable:
                    return unavailable.Store;
                case DbException { IsTransient: true }:
                    return "database";
            }
        }

        return null;
    }

    [LoggerMessage(150, LogLevel.Warning, "The {Store} store is unavailable; {Path} answered 503 store_unavailable.")]
    private static partial void LogUnavailable(ILogger logger, string store, PathString path, Exception exception);
}
