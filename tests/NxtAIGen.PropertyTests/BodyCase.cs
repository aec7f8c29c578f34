using NxtAIGen.Testing;

namespace NxtAIGen.PropertyTests;

/// <summary>A generated input: a body (a fixture, mutated or not, or noise) and the sizes of the reads that deliver it.</summary>
/// <param name="Folder">The fixture folder whose provider preset parses it.</param>
/// <param name="Source">Where the body came from, for the failure report.</param>
/// <param name="Body">The bytes.</param>
/// <param name="Pieces">The read sizes; what is left after them is served in one read.</param>
internal sealed record BodyCase(string Folder, string Source, byte[] Body, int[] Pieces)
{
    public static BodyCase Of(StreamFixture fixture, byte[] body, string source, int[] pieces) => new(fixture.Provider, source, body, pieces);

    public override string ToString() =>
        $"{Source} ({Body.Length} bytes, reads [{string.Join(",", Pieces)}]) body: {Convert.ToBase64String(Body)}";
}
