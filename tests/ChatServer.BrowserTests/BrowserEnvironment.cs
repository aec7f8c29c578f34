namespace ChatServer.BrowserTests;

/// <summary>Where Chromium and the screenshots are, and whether the browser tests may skip.</summary>
internal static class BrowserEnvironment
{
    /// <summary>Gets the Chromium binary: <c>CHROMIUM_PATH</c>, or Debian's <c>/usr/bin/chromium</c>.</summary>
    public static string ChromiumPath { get; } = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Gets a value indicating whether Chromium is installed.</summary>
    public static bool HasChromium => File.Exists(ChromiumPath);

    /// <summary>Gets a value indicating whether this is a CI run, where a missing browser is a failure, not a skip.</summary>
    public static bool IsCI => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    /// <summary>Gets the reason printed when the tests skip.</summary>
    public static string SkipReason =>
        $"Chromium was not found at {ChromiumPath}: install it (apt-get install -y chromium) or set CHROMIUM_PATH. With CI set, this is a failure instead.";

    /// <summary>Skips the calling test when Chromium is missing, or fails it on CI.</summary>
    public static void RequireChromium()
    {
        if (HasChromium)
        {
            return;
        }

        if (IsCI)
        {
            Assert.Fail(SkipReason);
        }

        Console.WriteLine($"SKIPPED browser test: {SkipReason}");
        Skip.If(true, SkipReason);
    }

    /// <summary>Gets the folder of the screenshots: <c>TestResults/screenshots</c> at the repository root.</summary>
    public static string ScreenshotDirectory
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NxtAIGen.sln")))
            {
                dir = dir.Parent;
            }

            var path = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "TestResults", "screenshots");
            Directory.CreateDirectory(path);
            return path;
        }
    }
}
