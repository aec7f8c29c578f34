using NxtAIGen.Testing;

namespace NxtAIGen.PropertyTests;

/// <summary>A generated input: a body (a fixture, mutated or not, or noise) and the sizes of the reads that deliver it.</summary>
/// <param name="Folder">The fixture folder whose provider preset parses it.</param>
/// <param name="Source">Where the body came from, for the failure report.</param>
/// <param name="Body">The bytes.</param>
/// <param name="Pieces">The read sizes; what is left after them is served in one read.</param>
/// <param name="Original">The fixture's whole body, when the body was made from one.</param>
internal sealed record BodyCase(string Folder, string Source, byte[] Body, int[] Pieces, byte[]? Original = null)
{
    public static BodyCase Of(StreamFixture fixture, byte[] body, string source, int[] pieces) => new(fixture.Provider, source, body, pieces, fixture.Body);

    public override string ToString() =>
        $"{Source} ({Body.Length} bytes, reads [{string.Join(",", Pieces)}]) body: {Convert.ToBase64String(Body)}";
}
