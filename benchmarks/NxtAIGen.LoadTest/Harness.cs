using System.Diagnostics;

namespace NxtAIGen.LoadTest;

/// <summary>Finds the built servers and starts them: the fake upstream, the gateway, the Node peers.</summary>
internal sealed class Harness
{
    private Harness(string repoRoot, string configuration)
    {
        RepoRoot = repoRoot;
        Configuration = configuration;
    }

    public string RepoRoot { get; }

    public string Configuration { get; }

    public static Harness Locate()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = "Release";
        for (var d = dir; d is not null; d = d.Parent)
        {
            if (d.Parent?.Name == "bin")
            {
                configuration = d.Name;
            }

            if (File.Exists(Path.Combine(d.FullName, "NxtAIGen.sln")))
            {
                return new Harness(d.FullName, configuration);
            }
        }

        throw new InvalidOperationException("NxtAIGen.sln not found above " + AppContext.BaseDirectory + ": run the harness from its build output in the repository.");
    }

    public Task<ChildProcess> StartUpstreamAsync(int tokens, int delayMs, CancellationToken cancellationToken)
    {
        var dir = Output("NxtAIGen.LoadTest.Upstream");
        return ChildProcess.StartAsync("upstream", dir,
            ["dotnet", Path.Combine(dir, "NxtAIGen.LoadTest.Upstream.dll"), "--tokens", tokens.ToString(System.Globalization.CultureInfo.InvariantCulture),
             "--delay-ms", delayMs.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            null, cancellationToken);
    }

    public Task<ChildProcess> StartGatewayAsync(Uri upstream, CancellationToken cancellationToken)
    {
        var dir = Output("NxtAIGen.LoadTest.Gateway");
        return ChildProcess.StartAsync("gateway", dir, ["dotnet", Path.Combine(dir, "NxtAIGen.LoadTest.Gateway.dll")],
            new Dictionary<string, string>
            {
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
                ["DOTNET_ENVIRONMENT"] = "Production",
                ["NxtAIGen__Providers__openai__BaseUrl"] = new Uri(upstream, "/v1/").ToString(),
            },
            cancellationToken);
    }

    /// <summary>Starts a Node relay (<c>ai-sdk</c> or <c>openai</c>), installing the peers' packages first if needed; null without node.</summary>
    public async Task<ChildProcess?> StartNodePeerAsync(string kind, Uri upstream, CancellationToken cancellationToken)
    {
        var peers = Path.Combine(RepoRoot, "benchmarks", "peers");
        if (!OnPath("node") || !OnPath("npm"))
        {
            Console.WriteLine($"skipping node-{kind}: node or npm is not installed (apt-get install nodejs npm)");
            return null;
        }

        if (!Directory.Exists(Path.Combine(peers, "node_modules", "ai")))
        {
            Console.WriteLine("npm ci in benchmarks/peers ...");
            using var npm = Process.Start(new ProcessStartInfo("npm", "ci --no-audit --no-fund") { WorkingDirectory = peers, UseShellExecute = false })!;
            await npm.WaitForExitAsync(cancellationToken);
            if (npm.ExitCode != 0)
            {
                throw new InvalidOperationException("npm ci failed in benchmarks/peers.");
            }
        }

        return await ChildProcess.StartAsync("node-" + kind, peers, ["node", "relay.mjs", kind, new Uri(upstream, "/v1").ToString()], null, cancellationToken);
    }

    private string Output(string project)
    {
        var dir = Path.Combine(RepoRoot, "benchmarks", project, "bin", Configuration, "net10.0");
        if (!File.Exists(Path.Combine(dir, project + ".dll")))
        {
            throw new InvalidOperationException($"{project} is not built in {dir}: dotnet build benchmarks/NxtAIGen.LoadTest -c {Configuration}");
        }

        return dir;
    }

    private static bool OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Any(p => p.Length > 0 && File.Exists(Path.Combine(p, name)));
}
