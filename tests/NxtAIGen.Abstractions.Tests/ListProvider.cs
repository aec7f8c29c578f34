using System.Runtime.CompilerServices;
using NxtAIGen.Abstractions;

namespace NxtAIGen.Tests;

/// <summary>A provider that answers every call with the next list of chunks (and an optional failure), recording requests.</summary>
internal sealed class ListProvider : IChatStreamProvider
{
    private readonly Queue<(IReadOnlyList<ChatChunk> Chunks, Exception? Error)> _answers = new();

    public ListProvider(string id = "list", ChatCapabilities capabilities = ChatCapabilities.Vision | ChatCapabilities.Documents | ChatCapabilities.Reasoning | ChatCapabilities.Tools)
    {
        Id = id;
        Capabilities = capabilities;
    }

    public string Id { get; }

    public ChatCapabilities Capabilities { get; }

    public List<ChatRequest> Requests { get; } = [];

    public List<ChatModelInfo> Models { get; } = [new("list-1")];

    public Exception? ModelListError { get; set; }

    public ListProvider Answer(IReadOnlyList<ChatChunk> chunks, Exception? error = null)
    {
        _answers.Enqueue((chunks, error));
        return this;
    }

    public IAsyncEnumerable<ChatChunk> StreamAsync(ChatRequest request, CancellationToken cancellationToken = default)
    {
        Requests.Add(request);
        var (chunks, error) = _answers.Dequeue();
        return StreamCoreAsync(chunks, error, cancellationToken);
    }

    public Task<IReadOnlyList<ChatModelInfo>> ListModelsAsync(CancellationToken cancellationToken = default) =>
        ModelListError is null ? Task.FromResult<IReadOnlyList<ChatModelInfo>>(Models) : Task.FromException<IReadOnlyList<ChatModelInfo>>(ModelListError);

    private static async IAsyncEnumerable<ChatChunk> StreamCoreAsync(IReadOnlyList<ChatChunk> chunks, Exception? error, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var chunk in chunks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return chunk;
        }

        if (error is not null)
        {
            throw error;
        }
    }
}
