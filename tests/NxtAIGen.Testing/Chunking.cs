namespace NxtAIGen.Testing;

/// <summary>How a body is cut into reads: how many bytes each <c>Read</c> call of the response stream returns at most.</summary>
public sealed class Chunking
{
    private Chunking(string name, Func<Func<int, int, int>> factory)
    {
        Name = name;
        Factory = factory;
    }

    /// <summary>Gets the whole body in one read (as far as the reader's buffer allows).</summary>
    public static Chunking Whole { get; } = new("whole", () => static (_, remaining) => remaining);

    /// <summary>Gets one byte per read: splits every line, field and multi-byte UTF-8 character.</summary>
    public static Chunking OneByte { get; } = new("one-byte", () => static (_, _) => 1);

    /// <summary>Gets the chunkings most tests want: whole, one byte, and three seeded random ones.</summary>
    public static IReadOnlyList<Chunking> Standard { get; } = [Whole, OneByte, Random(1), Random(2), Random(3)];

    /// <summary>Gets a name for test output, for example <c>random(seed 1, max 64)</c>.</summary>
    public string Name { get; }

    private Func<Func<int, int, int>> Factory { get; }

    /// <summary>Reads of a fixed size.</summary>
    /// <param name="size">Bytes per read.</param>
    /// <returns>The chunking.</returns>
    public static Chunking Fixed(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        return new($"fixed({size})", () => (_, remaining) => Math.Min(size, remaining));
    }

    /// <summary>Reads of random sizes from 1 to <paramref name="maxSize"/>, reproducible by seed.</summary>
    /// <param name="seed">The seed.</param>
    /// <param name="maxSize">The largest read.</param>
    /// <returns>The chunking.</returns>
    public static Chunking Random(int seed, int maxSize = 64)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSize, 1);
        return new($"random(seed {seed}, max {maxSize})", () =>
        {
            var random = new Random(seed);
            return (_, remaining) => Math.Min(remaining, random.Next(1, maxSize + 1));
        });
    }

    /// <summary>Finds a standard chunking by name (for theory data, which should be plain strings).</summary>
    /// <param name="name">The <see cref="Name"/>.</param>
    /// <returns>The chunking.</returns>
    public static Chunking Parse(string name) =>
        Standard.FirstOrDefault(c => c.Name == name) ?? throw new ArgumentException($"Unknown chunking '{name}'.", nameof(name));

    /// <summary>Starts a fresh sequence of read sizes (random chunkings restart from their seed).</summary>
    /// <returns>A function from (read number, bytes remaining) to the size of the next read.</returns>
    public Func<int, int, int> CreateSizer() => Factory();

    /// <inheritdoc />
    public override string ToString() => Name;
}
