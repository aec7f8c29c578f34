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

    private static void Check(Property property) => property.Check(Config.QuickThrowOnFailure.WithMaxTest(Cases));
}
