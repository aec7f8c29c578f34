using System.Text;
using NxtAIGen.Testing;

namespace NxtAIGen.Benchmarks;

/// <summary>
/// Builds the long synthetic bodies of the native-format benchmarks from a recorded fixture: the events (SSE) or lines
/// (NDJSON) before its first text event, its text events repeated until there are <see cref="Chunks"/> of them, then
/// every event after its last text event (the end of the stream, usage, finish).
/// </summary>
internal static class NativeStreamBody
{
    /// <summary>The number of text chunks in a long body; the long-stream benchmarks report time per chunk.</summary>
    public const int Chunks = 1000;

    /// <summary>Checks in setup that every contender read the same text, so that they did the same work.</summary>
    public static void CheckSameText(params Func<Task<int>>[] readers)
    {
        var lengths = readers.Select(r => r().GetAwaiter().GetResult()).ToArray();
        if (lengths.Distinct().Count() != 1 || lengths[0] <= 0)
        {
            throw new InvalidOperationException($"The contenders read different text lengths: {string.Join(", ", lengths)}.");
        }
    }

    public static byte[] BuildSse(string fixtureId, Func<string, bool> isText) => Build(fixtureId, "\n\n", isText);

    public static byte[] BuildNdjson(string fixtureId, Func<string, bool> isText) => Build(fixtureId, "\n", isText);

    private static byte[] Build(string fixtureId, string separator, Func<string, bool> isText)
    {
        var parts = Encoding.UTF8.GetString(StreamFixture.Load(fixtureId).Body)
            .Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split(separator, StringSplitOptions.RemoveEmptyEntries);
        var first = Array.FindIndex(parts, p => isText(p));
        var last = Array.FindLastIndex(parts, p => isText(p));
        if (first < 0)
        {
            throw new InvalidOperationException($"{fixtureId} has no text event.");
        }

        var text = parts[first..(last + 1)].Where(isText).ToArray();
        var body = new StringBuilder();
        foreach (var part in parts[..first])
        {
            body.Append(part).Append(separator);
        }

        for (var i = 0; i < Chunks; i++)
        {
            body.Append(text[i % text.Length]).Append(separator);
        }

        foreach (var part in parts[(last + 1)..])
        {
            body.Append(part).Append(separator);
        }

        return Encoding.UTF8.GetBytes(body.ToString());
    }
}
