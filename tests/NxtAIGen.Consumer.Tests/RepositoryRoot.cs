namespace NxtAIGen.Consumer.Tests;

/// <summary>Finds the repository's root folder (the one holding NxtAIGen.sln) above the test's output.</summary>
internal static class RepositoryRoot
{
    public static string Find()
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
