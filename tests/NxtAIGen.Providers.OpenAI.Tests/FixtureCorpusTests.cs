using NxtAIGen.Testing;
using Xunit.Abstractions;

namespace NxtAIGen.Providers.OpenAI.Tests;

public sealed class FixtureCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public void VendoredCorpus_EqualsTheSharedCorpus_WhenPresent()
    {
        var repoRoot = FindRepoRoot();
        var vendored = Path.Combine(repoRoot, "tests", "Fixtures", "streams");
        Assert.True(Directory.Exists(vendored), $"no vendored corpus at {vendored}");

        // The shared copy lives beside the repository (../shared), or beside one of its parents for a git worktree.
        var shared = Ancestors(repoRoot).Select(d => Path.Combine(d, "shared", "fixtures", "streams")).FirstOrDefault(Directory.Exists);
        if (shared is null)
        {
            output.WriteLine("No shared corpus beside the repository: nothing to compare.");
            return;
        }

        AssertSameFiles(shared, vendored);
    }

    [Fact]
    public void OutputCorpus_EqualsTheVendoredCorpus()
    {
        AssertSameFiles(Path.Combine(FindRepoRoot(), "tests", "Fixtures", "streams"), StreamFixture.Root);
    }

    private static void AssertSameFiles(string expectedFolder, string actualFolder)
    {
        var expected = RelativeFiles(expectedFolder);
        var actual = RelativeFiles(actualFolder);
        Assert.Equal(expected, actual);
        foreach (var file in expected)
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(expectedFolder, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actualFolder, file))),
                $"{file} differs between {expectedFolder} and {actualFolder}");
        }
    }

    private static string[] RelativeFiles(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];

    private static string FindRepoRoot() =>
        Ancestors(AppContext.BaseDirectory).FirstOrDefault(d => File.Exists(Path.Combine(d, "NxtAIGen.sln")))
        ?? throw new InvalidOperationException("NxtAIGen.sln not found above the test output.");

    private static IEnumerable<string> Ancestors(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            yield return dir.FullName;
        }
    }
}
