namespace NxtAIGen.Testing;

/// <summary>
/// One recorded response body of the vendored corpus (<c>tests/Fixtures/streams/&lt;provider&gt;/&lt;case&gt;.sse|.ndjson</c>)
/// with the result a correct parser produces from it.
/// </summary>
public sealed class StreamFixture
{
    private static readonly string[] BodyExtensions = [".sse", ".ndjson"];

    private StreamFixture(string provider, string name, string path, byte[] body, ExpectedStreamResult expected)
    {
        Provider = provider;
        Name = name;
        Path = path;
        Body = body;
        Expected = expected;
    }

    /// <summary>Gets the folder of the corpus in the test output (<c>Fixtures/streams</c> next to the test assembly).</summary>
    public static string Root { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "streams");

    /// <summary>Gets the provider folder, for example <c>openai</c>.</summary>
    public string Provider { get; }

    /// <summary>Gets the case name, for example <c>text-usage-chunk</c>.</summary>
    public string Name { get; }

    /// <summary>Gets the id used in test names: <c>provider/case</c>.</summary>
    public string Id => $"{Provider}/{Name}";

    /// <summary>Gets the body file's path.</summary>
    public string Path { get; }

    /// <summary>Gets the body's bytes, exactly as recorded.</summary>
    public byte[] Body { get; }

    /// <summary>Gets the expected result.</summary>
    public ExpectedStreamResult Expected { get; }

    /// <summary>Loads one fixture.</summary>
    /// <param name="id">The id, <c>provider/case</c>.</param>
    /// <returns>The fixture.</returns>
    /// <exception cref="FileNotFoundException">There is no such body.</exception>
    public static StreamFixture Load(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var slash = id.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            throw new ArgumentException($"A fixture id is 'provider/case', not '{id}'.", nameof(id));
        }

        var provider = id[..slash];
        var name = id[(slash + 1)..];
        foreach (var extension in BodyExtensions)
        {
            var path = System.IO.Path.Combine(Root, provider, name + extension);
            if (File.Exists(path))
            {
                var expected = ExpectedStreamResult.Parse(File.ReadAllBytes(System.IO.Path.Combine(Root, provider, name + ".expected.json")));
                return new StreamFixture(provider, name, path, File.ReadAllBytes(path), expected);
            }
        }

        throw new FileNotFoundException($"No fixture body '{id}' (.sse or .ndjson) under {Root}.");
    }

    /// <summary>Lists the ids of every fixture of the given provider folders, sorted.</summary>
    /// <param name="providers">Provider folders, for example <c>openai</c>, <c>groq</c>.</param>
    /// <returns>The ids, <c>provider/case</c>.</returns>
    public static IReadOnlyList<string> ListIds(params string[] providers)
    {
        ArgumentNullException.ThrowIfNull(providers);
        var ids = new List<string>();
        foreach (var provider in providers)
        {
            var folder = System.IO.Path.Combine(Root, provider);
            if (!Directory.Exists(folder))
            {
                throw new DirectoryNotFoundException($"No fixture folder '{provider}' under {Root}.");
            }

            ids.AddRange(Directory.EnumerateFiles(folder)
                .Where(f => BodyExtensions.Contains(System.IO.Path.GetExtension(f), StringComparer.Ordinal))
                .Select(f => $"{provider}/{System.IO.Path.GetFileNameWithoutExtension(f)}"));
        }

        ids.Sort(StringComparer.Ordinal);
        return ids;
    }

    /// <inheritdoc />
    public override string ToString() => Id;
}
