using System.Runtime.CompilerServices;
using System.Threading.Channels;
using NxtAIGen.Abstractions;

namespace NxtAIGen.AspNetCore.Tests;

/// <summary>
/// A provider the test drives step by step: each call to <see cref="StreamAsync"/> takes the next script, and
/// a script yields whatever the test pushes into it (a chunk, an exception, or the end).
/// </summary>
public sealed class ScriptedProvider : IChatStreamProvider
{
    private readonly Channel<Script> _scripts = Channel.CreateUnbounded<Script>();
    private int _calls;

    public ScriptedProvider(string id = "fake", ChatCapabilities capabilities = ChatCapabilities.Reasoning | ChatCapabilities.Tools)
    {
        Id = id;
        Capabilities = capabilities;
    }

    public string Id { get; }

    public ChatCapabilities Capabilities { get; }

    public int Calls => Volatile.Read(ref _calls);

    public List<ChatRequest> Requests { get; } = [];

    public List<ChatModelInfo> Models { get; } = [new("fake-1") { Name = "Fake One", ContextWindow = 8192 }];

    public int ModelListCalls { get; private set; }

    /// <summary>Gets the API key the provider was created with (from its settings).</summary>
    public string? ApiKey { get; init; }

    /// <summary>Gets the service root the provider was created with (from its settings).</summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>Gets or sets an error <see cref="ListModelsAsync"/> throws (a provider refusing a key, say).</summary>
    public Exception? ModelListError { get; set; }

    /// <summary>Queues the script of the next call.</summary>
    public Script NextCall()
    {
        var script = new Script();
        _scripts.Writer.TryWrite(script);
        return script;
    }

    public async IAsyncEnumerable<ChatChunk> StreamAsync(ChatRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        lock (Requests)
        {
            Requests.Add(request);
        }

        var script = await _scripts.Reader.ReadAsync(cancellationToken);
        script.Started.TrySetResult();
        // Not disposed: disposing could unregister the callback while the cancellation that ends this call is still running it.
        _ = cancellationToken.Register(() => script.Canceled.TrySetResult());
        Interlocked.Increment(ref _calls);
        await foreach (var step in script.Steps.Reader.ReadAllAsync(cancellationToken))
        {
            if (step.Error is not null)
            {
                throw step.Error;
            }

            yield return step.Chunk;
        }
    }

    public Task<IReadOnlyList<ChatModelInfo>> ListModelsAsync(CancellationToken cancellationToken = default)
    {
        ModelListCalls++;
        if (ModelListError is not null)
        {
            return Task.FromException<IReadOnlyList<ChatModelInfo>>(ModelListError);
        }

        return Task.FromResult<IReadOnlyList<ChatModelInfo>>(Models);
    }

    public sealed class Script
    {
        internal Channel<(ChatChunk Chunk, Exception? Error)> Steps { get; } = Channel.CreateUnbounded<(ChatChunk, Exception?)>();

        /// <summary>Completes when the provider's call took this script.</summary>
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completes when the call's cancellation token fires.</summary>
        public TaskCompletionSource Canceled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Script Yield(ChatChunk chunk)
        {
            Steps.Writer.TryWrite((chunk, null));
            return this;
        }

        public Script Text(string text) => Yield(ChatChunk.ForText(text));

        public Script Finish(ChatFinishReason reason = ChatFinishReason.Stop, string raw = "stop") => Yield(ChatChunk.ForFinish(reason, raw)).End();

        public Script Throw(Exception error)
        {
            Steps.Writer.TryWrite((default, error));
            return End();
        }

        public Script End()
        {
            Steps.Writer.TryComplete();
            return this;
        }
    }
}
