namespace NxtAIGen.Docs.Tests;

/// <summary>Reads files of the repository (the folder holding NxtAIGen.sln above the test's output).</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    public static string Read(string relativePath) => File.ReadAllText(PathOf(relativePath)).ReplaceLineEndings("\n");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NxtAIGen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No NxtAIGen.sln above {AppContext.BaseDirectory}.");
    }
}
