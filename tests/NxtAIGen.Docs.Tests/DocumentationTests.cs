using System.Text.RegularExpressions;

namespace NxtAIGen.Docs.Tests;

/// <summary>
/// The documentation cannot drift from the code: code shown in docs/ is the code that is compiled and tested,
/// docs/protocol.md carries PROTOCOL.md, every package has its README, and every link resolves.
/// </summary>
public sealed partial class DocumentationTests
{
    private static readonly string[] Guides =
        ["getting-started.md", "configuration.md", "protocol.md", "writing-a-provider.md", "migrating-from-php.md", "contributing.md"];

    [Fact]
    public void CodeBlocksMarkedWithAFile_EqualThatFile()
    {
        var checkedFiles = new List<string>();
        var failures = new List<string>();
        foreach (var doc in MarkdownFiles())
        {
            foreach (Match match in FileBlock().Matches(RepositoryFiles.Read(doc)))
            {
                var file = match.Groups[1].Value;
                checkedFiles.Add($"{doc} -> {file}");
                if (!File.Exists(RepositoryFiles.PathOf(file)))
                {
                    failures.Add($"{doc}: shows {file}, which does not exist");
                }
                else if (RepositoryFiles.Read(file).TrimEnd() != match.Groups[2].Value.TrimEnd())
                {
                    failures.Add($"{doc}: the block marked {file} differs from the file; copy the file into the doc");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Contains(checkedFiles, f => f.StartsWith("docs/getting-started.md -> tests/NxtAIGen.Consumer.Tests/ConsumerApp/Program.cs", StringComparison.Ordinal));
        Assert.Contains(checkedFiles, f => f.StartsWith("docs/writing-a-provider.md -> docs/examples/AcmeProvider/AcmeChatStreamProvider.cs", StringComparison.Ordinal));
        Assert.Contains(checkedFiles, f => f.StartsWith("docs/writing-a-provider.md -> docs/examples/AcmeProvider/AcmeNxtAIGenBuilderExtensions.cs", StringComparison.Ordinal));
        Assert.Contains(checkedFiles, f => f.StartsWith("docs/writing-a-provider.md -> tests/NxtAIGen.Docs.Tests/AcmeConformanceTests.cs", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void ProtocolDoc_CarriesTheSharedProtocol()
    {
        var shared = new[]
            {
                Environment.GetEnvironmentVariable("NXTAIGEN_SHARED_DIR"),
                Path.Combine(RepositoryFiles.Root, "..", "shared"),
            }
            .Where(dir => !string.IsNullOrEmpty(dir))
            .Select(dir => Path.Combine(dir!, "PROTOCOL.md"))
            .FirstOrDefault(File.Exists);
        var reason = "no shared/PROTOCOL.md beside the repository (set NXTAIGEN_SHARED_DIR to its folder)";
        if (shared is null && Environment.GetEnvironmentVariable("CI") is { Length: > 0 })
        {
            Assert.Fail(reason);
        }

        Skip.If(shared is null, reason);

        // Every line of PROTOCOL.md, in its order; the doc may add lines between them (its own endpoints and notes).
        var docLines = RepositoryFiles.Read("docs/protocol.md").Split('\n');
        var next = 0;
        var missing = new List<string>();
        foreach (var line in File.ReadAllText(shared!).ReplaceLineEndings("\n").Split('\n').Where(l => l.Trim().Length > 0))
        {
            var found = Array.IndexOf(docLines, line, next);
            if (found < 0)
            {
                missing.Add(line);
            }
            else
            {
                next = found + 1;
            }
        }

        Assert.True(missing.Count == 0,
            "docs/protocol.md must carry shared/PROTOCOL.md line for line and in order (it may add lines between them). Missing or changed:\n"
            + string.Join("\n", missing.Take(10)));
    }

    [Fact]
    public void ProtocolDoc_HasAFetchClientExample()
    {
        var doc = RepositoryFiles.Read("docs/protocol.md");

        Assert.Contains("```js", doc, StringComparison.Ordinal);
        Assert.Contains("await fetch(", doc, StringComparison.Ordinal);
        Assert.Contains("getReader()", doc, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryLibrary_HasAReadmeWithInstallAndExample()
    {
        foreach (var dir in Directory.GetDirectories(RepositoryFiles.PathOf("src")).Where(d => Directory.GetFiles(d, "*.csproj").Length > 0))
        {
            var id = Path.GetFileName(dir);
            var readme = Path.Combine(dir, "README.md");
            Assert.True(File.Exists(readme), $"{id} has no README.md (it is packed into the package)");
            var text = File.ReadAllText(readme);
            Assert.StartsWith($"# {id}", text, StringComparison.Ordinal);
            Assert.Contains($"dotnet add package {id}", text, StringComparison.Ordinal);
            Assert.Contains("```csharp", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Readme_LinksEveryGuide()
    {
        var readme = RepositoryFiles.Read("README.md");

        Assert.All(Guides, guide => Assert.Contains($"(docs/{guide})", readme, StringComparison.Ordinal));
    }

    [Fact]
    public void RelativeLinks_InReadmeAndDocs_Resolve()
    {
        var failures = new List<string>();
        foreach (var doc in MarkdownFiles().Append("README.md"))
        {
            var folder = Path.GetDirectoryName(RepositoryFiles.PathOf(doc))!;
            foreach (Match link in Link().Matches(RepositoryFiles.Read(doc)))
            {
                var target = link.Groups[1].Value.Split('#')[0];
                if (target.Length > 0 && !target.Contains("://", StringComparison.Ordinal) && !target.StartsWith("mailto:", StringComparison.Ordinal)
                    && !File.Exists(Path.Combine(folder, target)) && !Directory.Exists(Path.Combine(folder, target)))
                {
                    failures.Add($"{doc}: broken link {target}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static IEnumerable<string> MarkdownFiles() =>
        Directory.GetFiles(RepositoryFiles.PathOf("docs"), "*.md").Select(f => "docs/" + Path.GetFileName(f)).Order(StringComparer.Ordinal);

    /// <summary>A <c>&lt;!-- file: path --&gt;</c> marker, then a fenced code block.</summary>
    [GeneratedRegex(@"<!-- file: (\S+) -->\n```[a-z]*\n(.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex FileBlock();

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex Link();
}
