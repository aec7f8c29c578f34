namespace NxtAIGen.Providers.Demo.Internal;

/// <summary>A stable hash (FNV-1a, 64 bits): the same text gives the same value in every process, unlike <see cref="string.GetHashCode()"/>.</summary>
internal static class DemoHash
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    public static ulong Start => OffsetBasis;

    public static ulong Add(ulong hash, string? text)
    {
        if (text is not null)
        {
            foreach (var c in text)
            {
                hash = (hash ^ (byte)c) * Prime;
                hash = (hash ^ (byte)(c >> 8)) * Prime;
            }
        }

        // A separator, so that "ab" + "c" and "a" + "bc" differ.
        return (hash ^ 0xFF) * Prime;
    }

    public static ulong Add(ulong hash, long value) => Add(hash, value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Derives an independent value from <paramref name="hash"/> for choice number <paramref name="salt"/> (SplitMix64 finaliser).</summary>
    public static ulong Mix(ulong hash, int salt)
    {
        var z = hash + ((ulong)(uint)salt * 0x9E3779B97F4A7C15);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    /// <summary>Picks one of <paramref name="choices"/> for choice number <paramref name="salt"/>.</summary>
    public static string Pick(ulong hash, int salt, ReadOnlySpan<string> choices) => choices[(int)(Mix(hash, salt) % (ulong)choices.Length)];
}
