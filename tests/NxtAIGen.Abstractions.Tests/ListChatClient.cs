using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace NxtAIGen.Tests;

/// <summary>An IChatClient that streams given updates (then an optional failure), recording what it was asked.</summary>
internal sealed class ListChatClient : IChatClient
{
    private readonly Queue<(IReadOnlyList<ChatResponseUpdate> Updates, Exception? Error)> _answers = new();

    public List<(List<ChatMessage> Messages, ChatOptions? Options)> Calls { get; } = [];

    public ListChatClient Answer(IReadOnlyList<ChatResponseUpdate> updates, Exception? error = null)
    {
        _answers.Enqueue((updates, error));
        return this;
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        await GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Calls.Add(([.. messages], options));
        var (updates, error) = _answers.Dequeue();
        return StreamAsync(updates, error, cancellationToken);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("list", null, "list-default") : null;

    public void Dispose()
    {
    }

    private static async IAsyncEnumerable<ChatResponseUpdate> StreamAsync(IReadOnlyList<ChatResponseUpdate> updates, Exception? error, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var update in updates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return update;
        }

        if (error is not null)
        {
            throw error;
        }
    }
}
