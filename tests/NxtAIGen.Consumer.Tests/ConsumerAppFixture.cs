using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace NxtAIGen.Consumer.Tests;

/// <summary>
/// What a developer does with NxtAIGen, from scratch: pack every library into a local folder, create a new
/// web app with <c>dotnet new web</c>, add NxtAIGen.AspNetCore, NxtAIGen.Providers.Demo and
/// NxtAIGen.Providers.OpenAI from that folder only, write a short Program.cs, build it and start it on a
/// loopback port. docs/getting-started.md describes the same steps. Everything lives in one temp folder,
/// deleted afterwards.
/// </summary>
public sealed partial class ConsumerAppFixture : IAsyncLifetime
{
    /// <summary>The packages the app adds, as docs/getting-started.md does.</summary>
    public static readonly string[] AddedPackages = ["NxtAIGen.AspNetCore", "NxtAIGen.Providers.Demo", "NxtAIGen.Providers.OpenAI"];

    private static readonly TimeSpan ShortStep = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan LongStep = TimeSpan.FromMinutes(15);

    private readonly TempDirectory _root = new("nxtaigen-consumer");
    private readonly StringBuilder _appOutput = new();
    private Process? _app;

    /// <summary>Gets the version stamped on this run's packages: unique, so no cached copy can stand in for them.</summary>
    public string Version { get; } = $"0.1.0-consumer.{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}";

    /// <summary>Gets the folder the libraries were packed into.</summary>
    public string FeedPath => _root.Combine("feed");

    /// <summary>Gets the new app's folder.</summary>
    public string AppPath => _root.Combine("app");

    /// <summary>Gets the NuGet cache the app restored into (dependencies come from the machine's cache).</summary>
    public string PackagesCachePath => _root.Combine("packages");

    /// <summary>Gets the id of every library under src/ (each must become a package).</summary>
    public IReadOnlyList<string> LibraryIds { get; private set; } = [];

    /// <summary>Gets the address the app listens on.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Gets what the app printed so far (for failure messages).</summary>
    public string AppOutput
    {
        get
        {
            lock (_appOutput)
            {
                return _appOutput.ToString();
            }
        }
    }

    public async Task InitializeAsync()
    {
        var repo = RepositoryRoot.Find();
        var sources = _root.Combine("repo");
        CopySources(repo, sources);
        var projects = Directory.GetDirectories(Path.Combine(sources, "src"))
            .SelectMany(dir => Directory.GetFiles(dir, "*.csproj"))
            .Order(StringComparer.Ordinal)
            .ToList();
        LibraryIds = projects.Select(Path.GetFileNameWithoutExtension).ToList()!;

        // 1. Pack every library once, into a local folder.
        await DotnetCli.RunAsync(sources, ShortStep, "new", "sln", "--format", "sln", "-n", "Packages");
        await DotnetCli.RunAsync(sources, ShortStep, ["sln", "Packages.sln", "add", .. projects]);
        await DotnetCli.RunAsync(sources, LongStep, "pack", "Packages.sln", "-c", "Release", "-o", FeedPath,
            $"-p:Version={Version}", "--disable-build-servers");

        // 2. A new web app that takes NxtAIGen from that folder only.
        await DotnetCli.RunAsync(_root.Path, ShortStep, "new", "web", "-n", "ConsumerApp", "-o", AppPath, "--no-restore");
        var upstream = await ReadMachineSourcesAsync();
        var machineCache = await ReadGlobalPackagesFolderAsync();
        await File.WriteAllTextAsync(Path.Combine(AppPath, "nuget.config"), NuGetConfig(FeedPath, upstream, PackagesCachePath, machineCache));
        foreach (var id in AddedPackages)
        {
            await DotnetCli.RunAsync(AppPath, ShortStep, "add", "package", id, "--version", Version);
        }

        File.Copy(Path.Combine(AppContext.BaseDirectory, "ConsumerApp", "Program.cs"), Path.Combine(AppPath, "Program.cs"), overwrite: true);
        await DotnetCli.RunAsync(AppPath, LongStep, "build", "-c", "Release", "--disable-build-servers");

        // 3. Start it on a free loopback port and wait for Kestrel to say which.
        await StartAppAsync();
    }

    public Task DisposeAsync()
    {
        if (_app is not null)
        {
            if (!_app.HasExited)
            {
                _app.Kill(entireProcessTree: true);
                _app.WaitForExit(10_000);
            }

            _app.Dispose();
        }

        _root.Dispose();
        return Task.CompletedTask;
    }

    private async Task StartAppAsync()
    {
        var info = DotnetCli.CreateStartInfo(AppPath, Path.Combine("bin", "Release", "net10.0", "ConsumerApp.dll"), "--urls", "http://127.0.0.1:0");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        _app = new Process { StartInfo = info, EnableRaisingEvents = true };
        void OnLine(object? sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            lock (_appOutput)
            {
                _appOutput.AppendLine(e.Data);
            }

            var match = ListeningLine().Match(e.Data);
            if (match.Success)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        }

        _app.OutputDataReceived += OnLine;
        _app.ErrorDataReceived += OnLine;
        _app.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"The app exited before listening:\n{AppOutput}"));
        _app.Start();
        _app.BeginOutputReadLine();
        _app.BeginErrorReadLine();
        try
        {
            BaseAddress = await listening.Task.WaitAsync(TimeSpan.FromMinutes(2));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The app did not report its address within 2 minutes:\n{AppOutput}");
        }
    }

    /// <summary>Copies what packing needs (src/ and the repository-wide build files), without bin/ and obj/.</summary>
    private static void CopySources(string repo, string target)
    {
        foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", ".editorconfig", "BannedSymbols.txt", "global.json" })
        {
            if (File.Exists(Path.Combine(repo, file)))
            {
                Directory.CreateDirectory(target);
                File.Copy(Path.Combine(repo, file), Path.Combine(target, file));
            }
        }

        CopyTree(Path.Combine(repo, "src"), Path.Combine(target, "src"));
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var dir in Directory.GetDirectories(from))
        {
            var name = Path.GetFileName(dir);
            if (name is not ("bin" or "obj"))
            {
                CopyTree(dir, Path.Combine(to, name));
            }
        }
    }

    /// <summary>The package sources this machine restores from (its user-wide NuGet.Config), for NxtAIGen's dependencies.</summary>
    private async Task<List<string>> ReadMachineSourcesAsync()
    {
        var output = await DotnetCli.RunAsync(_root.Path, ShortStep, "nuget", "list", "source", "--format", "short");
        var sources = output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(line => line.StartsWith("E ", StringComparison.Ordinal))
            .Select(line => line[2..].Trim())
            .ToList();
        Assert.True(sources.Count > 0, $"No enabled NuGet source on this machine:\n{output}");
        return sources;
    }

    private async Task<string> ReadGlobalPackagesFolderAsync()
    {
        var output = await DotnetCli.RunAsync(_root.Path, ShortStep, "nuget", "locals", "global-packages", "--list");
        var match = GlobalPackagesLine().Match(output);
        Assert.True(match.Success, $"Unexpected output of `dotnet nuget locals`:\n{output}");
        return match.Groups[1].Value.Trim();
    }

    /// <summary>
    /// NxtAIGen.* only from the local folder (package source mapping); everything else from the machine's
    /// sources. A cache of its own keeps this run's packages out of the machine's cache, which still serves
    /// already downloaded dependencies as a fallback folder.
    /// </summary>
    private static string NuGetConfig(string feed, List<string> upstream, string cache, string machineCache)
    {
        static XElement Add(string key, string value) => new("add", new XAttribute("key", key), new XAttribute("value", value));
        var keys = upstream.Select((_, i) => $"upstream-{i}").ToList();
        var config = new XElement("configuration",
            new XElement("config", Add("globalPackagesFolder", cache)),
            new XElement("packageSources",
                new XElement("clear"),
                Add("nxtaigen-local", feed),
                keys.Select((key, i) => Add(key, upstream[i]))),
            new XElement("packageSourceMapping",
                new XElement("packageSource", new XAttribute("key", "nxtaigen-local"),
                    new XElement("package", new XAttribute("pattern", "NxtAIGen.*"))),
                keys.Select(key => new XElement("packageSource", new XAttribute("key", key),
                    new XElement("package", new XAttribute("pattern", "*"))))),
            new XElement("fallbackPackageFolders", new XElement("clear"), Add("machine", machineCache)));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), config).ToString();
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();

    [GeneratedRegex(@"global-packages:\s*(.+)")]
    private static partial Regex GlobalPackagesLine();
}
