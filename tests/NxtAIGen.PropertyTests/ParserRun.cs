using System.Globalization;
using System.Net;
using NxtAIGen.Abstractions;
using NxtAIGen.Testing;

namespace NxtAIGen.PropertyTests;

/// <summary>Streams one body through a provider and describes how it ended.</summary>
internal static class ParserRun
{
    /// <summary>How long one run may take before it counts as a hang (a failure signal, not a wait: runs take milliseconds).</summary>
    public static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Streams <paramref name="body"/> delivered in <paramref name="pieces"/> and returns every chunk (as text) followed by
    /// the terminal <see cref="NxtAIGenProviderException"/>, if any. Any other exception, or no end within
    /// <see cref="HangLimit"/>, throws <see cref="ParserPropertyException"/>.
    /// </summary>
    public static IReadOnlyList<string> Run(ParserTarget target, string folder, byte[] body, IReadOnlyList<int> pieces) =>
        Task.Run(() => RunAsync(target, folder, body, pieces)).GetAwaiter().GetResult();

    private static async Task<IReadOnlyList<string>> RunAsync(ParserTarget target, string folder, byte[] body, IReadOnlyList<int> pieces)
    {
        var handler = new StubHttpHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new PiecesContent(body, pieces, target.MediaType) });
        var provider = target.Create(folder, handler);
        var seen = new List<string>();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        using var hang = new CancellationTokenSource(HangLimit);
        try
        {
            await foreach (var chunk in provider.StreamAsync(new ChatRequest { Messages = [ChatMessage.User("Hello")] }, hang.Token).WithCancellation(hang.Token))
            {
                seen.Add(Describe(chunk, ids));
            }
        }
        catch (NxtAIGenProviderException ex)
        {
            seen.Add($"error {ex.Kind} {ex.Message}");
        }
        catch (OperationCanceledException) when (hang.IsCancellationRequested)
        {
            throw new ParserPropertyException($"{target.Name} ({folder}) did not end within {HangLimit.TotalSeconds} s after {seen.Count} chunks");
        }
        catch (Exception ex)
        {
            throw new ParserPropertyException($"{target.Name} ({folder}) threw {ex.GetType().FullName} (only NxtAIGenProviderException is documented): {ex.Message}", ex);
        }

        return seen;
    }

    /// <summary>Describes a chunk; tool-call ids become their order of appearance, since some providers (Ollama) make up random ones.</summary>
    private static string Describe(ChatChunk chunk, Dictionary<string, string> ids) => chunk.Kind switch
    {
        ChatChunkKind.ToolCall when chunk.ToolCall is { } call => string.Create(
            CultureInfo.InvariantCulture,
            $"ToolCall: {IdFor(call.Id, ids)} {call.Name} {call.Arguments} {call.Signature}"),
        ChatChunkKind.Metadata => string.Create(
            CultureInfo.InvariantCulture,
            $"Metadata: {chunk.Metadata?.ResponseId} {chunk.Metadata?.Model} [{string.Join(", ", chunk.Metadata?.Citations ?? [])}]"),
        _ => chunk.ToString(),
    };

    private static string IdFor(string id, Dictionary<string, string> ids)
    {
        if (!ids.TryGetValue(id, out var stable))
        {
            stable = ids[id] = "call#" + ids.Count.ToString(CultureInfo.InvariantCulture);
        }

        return stable;
    }
}
