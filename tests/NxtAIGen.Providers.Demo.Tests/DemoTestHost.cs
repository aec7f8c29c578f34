using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NxtAIGen.Abstractions;
using NxtAIGen.Providers.Demo;

namespace NxtAIGen.Providers.Demo.Tests;

/// <summary>Builds the demo provider through the real registration, with a fake clock.</summary>
internal sealed class DemoTestHost : IDisposable
{
    private readonly ServiceProvider _services;

    public DemoTestHost(Action<DemoProviderOptions>? configure = null)
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddNxtAIGenCore().AddDemo(configure);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Registry = _services.GetRequiredService<IChatProviderRegistry>();
        Provider = Registry.GetProvider("demo");
    }

    public FakeTimeProvider Time { get; }

    public IChatProviderRegistry Registry { get; }

    public IChatStreamProvider Provider { get; }

    public IServiceProvider Services => _services;

    /// <summary>A host whose answers come without pauses.</summary>
    public static DemoTestHost Unpaced() => new(o =>
    {
        o.WordDelay = TimeSpan.Zero;
        o.ReasoningWordDelay = TimeSpan.Zero;
    });

    public static ChatRequest Ask(string text, ChatReasoningOptions? reasoning = null, int? maxOutputTokens = null) => new()
    {
        Messages = [ChatMessage.User(text)],
        Reasoning = reasoning,
        MaxOutputTokens = maxOutputTokens,
    };

    /// <summary>Reads the whole stream; with a paced provider, advances the fake clock whenever the stream waits.</summary>
    public async Task<List<ChatChunk>> CollectAsync(ChatRequest request, CancellationToken cancellationToken = default)
    {
        var chunks = new List<ChatChunk>();
        await using var e = Provider.StreamAsync(request, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            var move = e.MoveNextAsync();
            while (!move.IsCompleted)
            {
                // The pause's continuation may run on the thread pool (xUnit's synchronization context forbids
                // inlining), so give it a turn before moving the clock again.
                Time.Advance(TimeSpan.FromMilliseconds(1));
                await Task.Yield();
            }

            if (!await move)
            {
                return chunks;
            }

            chunks.Add(e.Current);
        }
    }

    public static string TextOf(IEnumerable<ChatChunk> chunks) =>
        string.Concat(chunks.Where(c => c.Kind == ChatChunkKind.Text).Select(c => c.Text));

    public static string ReasoningOf(IEnumerable<ChatChunk> chunks) =>
        string.Concat(chunks.Where(c => c.Kind == ChatChunkKind.Reasoning).Select(c => c.Text));

    public void Dispose() => _services.Dispose();
}
