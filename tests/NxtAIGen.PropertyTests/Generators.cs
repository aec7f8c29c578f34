using System.Text;
using FsCheck;
using FsCheck.Fluent;
using NxtAIGen.Testing;

namespace NxtAIGen.PropertyTests;

/// <summary>FsCheck generators of read splits, mutated fixtures and stream-shaped noise.</summary>
internal static class Generators
{
    private static readonly byte[][] Inserts =
    [
        "\n"u8.ToArray(), "\r"u8.ToArray(), "\r\n"u8.ToArray(), "\n\n"u8.ToArray(), "\r\n\r\n"u8.ToArray(),
        [0xFF], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0x00],
        "data: "u8.ToArray(), "data: [DONE]\n\n"u8.ToArray(), "event: error\n"u8.ToArray(), ": comment\n"u8.ToArray(),
        "{"u8.ToArray(), "}"u8.ToArray(), "\""u8.ToArray(), "\\"u8.ToArray(), "\\u"u8.ToArray(), "[1e999999]"u8.ToArray(),
        "{\"error\":{\"message\":\"boom\"}}\n"u8.ToArray(), "\"done\":true"u8.ToArray(), "null"u8.ToArray(),
    ];

    private static readonly string[] Tokens =
    [
        "data: ", "data:", "event: ", "id: ", "retry: 1\n", ": ping\n", "\n", "\r\n", "\r", "\n\n", "[DONE]", "{", "}", "[", "]", "\"", ":", ",",
        "\"choices\":", "\"delta\":", "\"content\":\"hi\"", "\"type\":\"message_start\"", "\"type\":\"content_block_delta\"",
        "\"candidates\":", "\"text\":\"x\"", "\"finishReason\":\"STOP\"", "\"message\":", "\"done\":true", "\"done\":false",
        "\"finish_reason\":\"stop\"", "\"index\":0", "\"index\":-1", "\"index\":99999", "\"tool_calls\":", "\"error\":", "null", "true", "123",
        "\"usage\":{\"prompt_tokens\":1}", "\"type\":\"message-end\"", "\"type\":\"content-delta\"", "event: message_stop\n", "event: content-delta\n",
    ];

    /// <summary>Read sizes for a body of <paramref name="length"/> bytes: cut points anywhere, or runs of tiny reads.</summary>
    public static Gen<int[]> Pieces(int length)
    {
        if (length < 2)
        {
            return Gen.Constant(Array.Empty<int>());
        }

        var cuts = Gen.Choose(1, length - 1).ArrayOf().Select(points =>
        {
            var sorted = points.Distinct().Order().ToArray();
            var sizes = new int[sorted.Length];
            var last = 0;
            for (var i = 0; i < sorted.Length; i++)
            {
                sizes[i] = sorted[i] - last;
                last = sorted[i];
            }

            return sizes;
        });
        var tiny = Gen.Choose(1, 7).ArrayOf(Math.Min(length, 400));
        return Gen.Frequency((3, cuts), (1, tiny), (1, Gen.Constant(Enumerable.Repeat(1, length).ToArray())));
    }

    /// <summary>A fixture of <paramref name="target"/> delivered in generated reads.</summary>
    public static Gen<BodyCase> ChunkedFixture(ParserTarget target) =>
        from fixture in Gen.Elements(Fixtures(target))
        from pieces in Pieces(fixture.Body.Length)
        select BodyCase.Of(fixture, fixture.Body, fixture.Id, pieces);

    /// <summary>A fixture of <paramref name="target"/> re-ended with LF, CRLF or CR, delivered in generated reads (the original body rides along).</summary>
    public static Gen<BodyCase> ReEndedFixture(ParserTarget target) =>
        from fixture in Gen.Elements(Fixtures(target))
        from ending in Gen.Elements(LineEnding.Lf, LineEnding.CrLf, LineEnding.Cr)
        let body = LineEndings.Convert(fixture.Body, ending)
        from pieces in Pieces(body.Length)
        select BodyCase.Of(fixture, body, $"{fixture.Id} with {ending} line ends", pieces);

    /// <summary>A fixture of <paramref name="target"/> cut at any byte before its end, delivered in generated reads.</summary>
    public static Gen<BodyCase> CutFixture(ParserTarget target) =>
        from fixture in Gen.Elements(Fixtures(target))
        from cut in Gen.Choose(0, fixture.Body.Length - 1)
        from pieces in Pieces(cut)
        select BodyCase.Of(fixture, fixture.Body[..cut], $"{fixture.Id} cut at {cut}", pieces);

    /// <summary>A fixture of <paramref name="target"/> with one to five mutations, delivered in generated reads.</summary>
    public static Gen<BodyCase> MutatedFixture(ParserTarget target) =>
        from fixture in Gen.Elements(Fixtures(target))
        from mutations in Mutation().ArrayOf().Where(m => m.Length is >= 1 and <= 5)
        let body = mutations.Aggregate(fixture.Body, (b, m) => m.Apply(b))
        from pieces in Pieces(body.Length)
        select BodyCase.Of(fixture, body, $"{fixture.Id} mutated {string.Join(" ", mutations.Select(m => m.ToString()))}", pieces);

    /// <summary>Random bytes, or stream-shaped noise built from wire tokens and random bytes, for a folder of <paramref name="target"/>.</summary>
    public static Gen<BodyCase> Noise(ParserTarget target) =>
        from folder in Gen.Elements(target.Folders.ToArray())
        from body in Gen.OneOf(RandomBytes(), TokenSoup())
        from pieces in Pieces(body.Length)
        select new BodyCase(folder, "noise", body, pieces);

    private static Gen<byte[]> RandomBytes() => Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf().Select(b => b.Length > 2000 ? b[..2000] : b);

    private static Gen<byte[]> TokenSoup() =>
        Gen.OneOf(
                Gen.Elements(Tokens).Select(Encoding.UTF8.GetBytes),
                Gen.Elements(Inserts),
                Gen.Choose(0, 255).Select(b => new[] { (byte)b }))
            .ArrayOf()
            .Select(parts => parts.SelectMany(p => p).ToArray());

    private static Gen<Mutation> Mutation() =>
        from kind in Gen.Elements(MutationKind.Truncate, MutationKind.Flip, MutationKind.Insert, MutationKind.Insert, MutationKind.Delete)
        from position in Gen.Choose(0, int.MaxValue)
        from bytes in kind switch
        {
            MutationKind.Insert => Gen.Elements(Inserts),
            _ => Gen.Choose(1, 255).Select(b => new[] { (byte)b }),
        }
        select new Mutation(kind, position, bytes);

    private static StreamFixture[] Fixtures(ParserTarget target) =>
        [.. target.Folders.SelectMany(folder => StreamFixture.ListIds(folder)).Select(StreamFixture.Load)];
}
