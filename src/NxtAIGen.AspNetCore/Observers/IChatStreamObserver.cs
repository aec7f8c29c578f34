namespace NxtAIGen.AspNetCore;

/// <summary>
/// Sees each chat request of <c>POST {prefix}/chat/stream</c> start and end, so a host can persist the conversation
/// (the user's message before the upstream call, the answer, including a partial one, after it). Register any number
/// with <c>services.AddSingleton&lt;IChatStreamObserver, MyObserver&gt;()</c> (or scoped); they run in registration order.
/// </summary>
/// <remarks>
/// <see cref="OnStartAsync"/> runs after the request was validated, the provider resolved and the caller's quota
/// reserved, right before the upstream call; it may refuse the request (the reservation is then released and nothing is
/// charged). <see cref="OnEndAsync"/> runs once for every stream that started, however it ended (done, error, or the
/// client gone); its exceptions are logged and never reach the client.
/// </remarks>
public interface IChatStreamObserver
{
    /// <summary>Called before the upstream call.</summary>
    /// <param name="start">The request: caller, provider, model, the parsed messages (before history trimming) and the body's extra fields.</param>
    /// <param name="cancellationToken">The request's abort token.</param>
    /// <returns><see langword="null"/> to go on, or a refusal sent to the client as <c>application/problem+json</c>.</returns>
    ValueTask<ChatStreamRefusal?> OnStartAsync(ChatStreamStart start, CancellationToken cancellationToken);

    /// <summary>Called once when the stream has ended, after its terminal event (if the client was still there to get one).</summary>
    /// <param name="completion">What was streamed and how it ended.</param>
    /// <param name="cancellationToken">Not tied to the (possibly aborted) request: fires only when the host shuts down.</param>
    /// <returns>A task that completes when the observer is done.</returns>
    ValueTask OnEndAsync(ChatStreamCompletion completion, CancellationToken cancellationToken);
}
