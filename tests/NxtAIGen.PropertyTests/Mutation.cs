using System.Globalization;

namespace NxtAIGen.PropertyTests;

/// <summary>One edit of a body: truncate it, flip a byte, insert bytes (line ends, invalid UTF-8, noise) or delete a run.</summary>
/// <param name="Kind">What to do.</param>
/// <param name="Position">Where, taken modulo the body's length at that point.</param>
/// <param name="Bytes">The bytes inserted, or the XOR mask of a flip (first byte), or the length deleted (first byte).</param>
internal sealed record Mutation(MutationKind Kind, int Position, byte[] Bytes)
{
    public byte[] Apply(byte[] body)
    {
        var at = body.Length == 0 ? 0 : Position % (body.Length + 1);
        switch (Kind)
        {
            case MutationKind.Truncate:
                return body[..at];
            case MutationKind.Flip when body.Length > 0:
                var flipped = (byte[])body.Clone();
                flipped[at % body.Length] ^= Bytes[0] == 0 ? (byte)0x80 : Bytes[0];
                return flipped;
            case MutationKind.Insert:
                return [.. body.AsSpan(0, at), .. Bytes, .. body.AsSpan(at)];
            case MutationKind.Delete:
                var length = Math.Min(Bytes[0], body.Length - at);
                return [.. body.AsSpan(0, at), .. body.AsSpan(at + length)];
            default:
                return body;
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Kind}@{Position}[{Convert.ToHexString(Bytes)}]");
}
