using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace NxtAIGen.PropertyTests;

/// <summary>
/// Properties every native stream parser keeps: how the body is split into reads never changes the chunks, and no
/// byte sequence makes it hang or throw anything but <see cref="NxtAIGen.Abstractions.NxtAIGenProviderException"/>.
/// </summary>
public sealed class StreamParserProperties
{
    /// <summary>Cases per property: 300, or <c>NXTAIGEN_PROPERTY_CASES</c> for a longer soak run.</summary>
    private static readonly int Cases =
        int.TryParse(Environment.GetEnvironmentVariable("NXTAIGEN_PROPERTY_CASES"), NumberStyles.None, CultureInfo.InvariantCulture, out var cases) && cases > 0 ? cases : 300;

    /// <summary>Any split of a recorded body into reads gives exactly the chunks (and terminal error) of the body read whole.</summary>
    /// <param name="provider">The provider.</param>
    [Theory]
    [MemberData(nameof(Providers))]
    public void AnySplitOfARecordedBody_GivesTheChunksOfTheWholeBody(string provider)
    {
        var target = ParserTargets.Get(provider);
        Check(Prop.ForAll(Arb.From(Generators.ChunkedFixture(target)), c =>
        {
            var whole = ParserRun.Run(target, c.Folder, c.Body, []);
            var split = ParserRun.Run(target, c.Folder, c.Body, c.Pieces);
            return whole.SequenceEqual(split)
                .Label($"whole: {string.Join(" | ", whole)}\nsplit: {string.Join(" | ", split)}");
        }));
    }

    /// <summary>A recorded body re-ended with LF, CRLF or CR (all three end SSE lines) and split anywhere gives the chunks of the original body read whole.</summary>
    /// <param name="provider">The provider.</param>
    [Theory]
    [MemberData(nameof(Providers))]
    public void AnyLineEndingAndSplit_GivesTheChunksOfTheOriginalBody(string provider)
    {
        var target = ParserTargets.Get(provider);
        Check(Prop.ForAll(Arb.From(Generators.ReEndedFixture(target)), c =>
        {
            var original = ParserRun.Run(target, c.Folder, c.Original!, []);
            var reEnded = ParserRun.Run(target, c.Folder, c.Body, c.Pieces);
            return original.SequenceEqual(reEnded)
                .Label($"original: {string.Join(" | ", original)}\nre-ended: {string.Join(" | ", reEnded)}");
        }));
    }

    /// <summary>
    /// A recorded body cut at any byte either ends in a provider exception (Incomplete, or the fixture's own error) or
    /// gives every chunk of the whole body (the cut only lost what follows the end marker). Where the end marker is
    /// optional (OpenAI-family servers that omit <c>[DONE]</c> once a <c>finish_reason</c> came; Gemini, which has none),
    /// a cut may also end normally with exactly one finish chunk, last, after a prefix of the whole body's other chunks
    /// (text, reasoning and tool-call chunks; usage may differ, since Vertex repeats running counts on every event,
    /// and a usage tail after the finish is what such a cut loses).
    /// </summary>
    /// <param name="provider">The provider.</param>
    [Theory]
    [MemberData(nameof(Providers))]
    public void ARecordedBodyCutAnywhere_EndsInAnErrorOrLosesNothing(string provider)
    {
        var target = ParserTargets.Get(provider);
        var endMarkerOptional = target == ParserTargets.OpenAI || target == ParserTargets.Gemini;
        Check(Prop.ForAll(Arb.From(Generators.CutFixture(target)), c =>
        {
            var full = ParserRun.Run(target, c.Folder, c.Original!, []);
            var cut = ParserRun.Run(target, c.Folder, c.Body, c.Pieces);
            var endedInError = cut.Count > 0 && cut[^1].StartsWith("error ", StringComparison.Ordinal);
            var cutContent = cut.Where(IsContent).ToList();
            var endedEarlyButWhole = endMarkerOptional && cut.Count > 0 && IsFinish(cut[^1]) && cut.Count(IsFinish) == 1
                && full.Where(IsContent).Take(cutContent.Count).SequenceEqual(cutContent);
            return (endedInError || cut.SequenceEqual(full) || endedEarlyButWhole)
                .Label($"full: {string.Join(" | ", full)}\ncut: {string.Join(" | ", cut)}");
        }));
    }

    /// <summary>A recorded body with truncations, byte flips, inserted CR/LF, invalid UTF-8 or deleted runs ends in chunks or a provider exception.</summary>
    /// <param name="provider">The provider.</param>
    [Theory]
    [MemberData(nameof(Providers))]
    public void AMutatedRecordedBody_EndsInAResultOrAProviderException(string provider)
    {
        var target = ParserTargets.Get(provider);
        Check(Prop.ForAll(Arb.From(Generators.MutatedFixture(target)), c => ParserRun.Run(target, c.Folder, c.Body, c.Pieces) is not null));
    }

    /// <summary>Random bytes and stream-shaped noise end in chunks or a provider exception.</summary>
    /// <param name="provider">The provider.</param>
    [Theory]
    [MemberData(nameof(Providers))]
    public void Noise_EndsInAResultOrAProviderException(string provider)
    {
        var target = ParserTargets.Get(provider);
        Check(Prop.ForAll(Arb.From(Generators.Noise(target)), c => ParserRun.Run(target, c.Folder, c.Body, c.Pieces) is not null));
    }

    /// <summary>Gets the providers, as theory data.</summary>
    public static TheoryData<string> Providers => ParserTargets.Names;

    private static bool IsContent(string chunk) =>
        !IsFinish(chunk) && !chunk.StartsWith("Usage:", StringComparison.Ordinal) && !chunk.StartsWith("Metadata:", StringComparison.Ordinal);

    private static bool IsFinish(string chunk) => chunk.StartsWith("Finish:", StringComparison.Ordinal);

    private static void Check(Property property) => property.Check(Config.QuickThrowOnFailure.WithMaxTest(Cases));
}
