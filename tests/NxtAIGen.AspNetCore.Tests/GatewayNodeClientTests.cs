using System.Diagnostics;
using System.Text.Json;

namespace NxtAIGen.AspNetCore.Tests;

/// <summary>
/// Real Node clients (the official <c>openai</c> package and the Vercel AI SDK) against the gateway on a loopback port:
/// the scripts in <c>tests/gateway-clients</c>. They skip with the reason when <c>node</c> or that folder's
/// <c>node_modules</c> is missing, and fail instead when the <c>CI</c> variable is set.
/// </summary>
public sealed class GatewayNodeClientTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [SkippableFact]
    public async Task OpenAINpmPackage_StreamsTextUsageAndAToolCall()
    {
        var (node, folder) = Prerequisites();
        await using var gateway = await KestrelGateway.StartAsync();
        gateway.QueueText();
        gateway.QueueToolCall();
        gateway.QueueText();

        var output = await RunAsync(node, folder, "openai-client.mjs", gateway);

        var text = output.GetProperty("text");
        Assert.Equal("Hello from the gateway.", text.GetProperty("content").GetString());
        Assert.Equal("assistant", text.GetProperty("role").GetString());
        Assert.Equal("stop", text.GetProperty("finish_reason").GetString());
        Assert.Equal("fake/fake-1", text.GetProperty("model").GetString());
        Assert.StartsWith("chatcmpl-", text.GetProperty("id").GetString(), StringComparison.Ordinal);
        AssertUsage(text.GetProperty("usage"), "prompt_tokens", "completion_tokens", "total_tokens", 11, 5);

        var tool = output.GetProperty("tool");
        Assert.Equal("tool_calls", tool.GetProperty("finish_reason").GetString());
        var call = Assert.Single(tool.GetProperty("tool_calls").EnumerateArray());
        Assert.Equal("call_42", call.GetProperty("id").GetString());
        Assert.Equal("function", call.GetProperty("type").GetString());
        Assert.Equal("get_weather", call.GetProperty("function").GetProperty("name").GetString());
        Assert.Equal("""{"city":"Paris"}""", call.GetProperty("function").GetProperty("arguments").GetString());
        AssertUsage(tool.GetProperty("usage"), "prompt_tokens", "completion_tokens", "total_tokens", 20, 9);

        var plain = output.GetProperty("plain");
        Assert.Equal("chat.completion", plain.GetProperty("object").GetString());
        Assert.Equal("Hello from the gateway.", plain.GetProperty("content").GetString());

        var refused = output.GetProperty("refused");
        Assert.Equal(401, refused.GetProperty("status").GetInt32());
        Assert.Equal("invalid_api_key", refused.GetProperty("code").GetString());
        Assert.Equal("AuthenticationError", refused.GetProperty("name").GetString());
        Assert.Equal(3, gateway.Provider.Calls);
    }

    [SkippableFact]
    public async Task VercelAiSdk_StreamsTextUsageAndAToolCall()
    {
        var (node, folder) = Prerequisites();
        await using var gateway = await KestrelGateway.StartAsync();
        gateway.QueueText();
        gateway.QueueToolCall();
        gateway.QueueText();

        var output = await RunAsync(node, folder, "ai-sdk-client.mjs", gateway);

        Assert.Empty(output.GetProperty("errors").EnumerateArray());
        var text = output.GetProperty("text");
        Assert.Equal("Hello from the gateway.", text.GetProperty("content").GetString());
        Assert.Equal("stop", text.GetProperty("finish_reason").GetString());
        Assert.Equal("fake/fake-1", text.GetProperty("model").GetString());
        AssertUsage(text.GetProperty("usage"), "inputTokens", "outputTokens", "totalTokens", 11, 5);

        var tool = output.GetProperty("tool");
        Assert.Equal("tool-calls", tool.GetProperty("finish_reason").GetString());
        var call = Assert.Single(tool.GetProperty("tool_calls").EnumerateArray());
        Assert.Equal("call_42", call.GetProperty("id").GetString());
        Assert.Equal("get_weather", call.GetProperty("name").GetString());
        Assert.Equal("Paris", call.GetProperty("input").GetProperty("city").GetString());
        AssertUsage(tool.GetProperty("usage"), "inputTokens", "outputTokens", "totalTokens", 20, 9);

        var plain = output.GetProperty("plain");
        Assert.Equal("Hello from the gateway.", plain.GetProperty("content").GetString());
        Assert.Equal("stop", plain.GetProperty("finish_reason").GetString());
        Assert.Equal(3, gateway.Provider.Calls);
        var sentTool = Assert.Single(gateway.Provider.Requests[1].Tools!);
        Assert.Equal("get_weather", sentTool.Name);
    }

    private static void AssertUsage(JsonElement usage, string input, string output, string total, int inputTokens, int outputTokens)
    {
        Assert.Equal(inputTokens, usage.GetProperty(input).GetInt32());
        Assert.Equal(outputTokens, usage.GetProperty(output).GetInt32());
        Assert.Equal(inputTokens + outputTokens, usage.GetProperty(total).GetInt32());
    }

    private static (string Node, string Folder) Prerequisites()
    {
        var folder = Path.Combine(RepoRoot(), "tests", "gateway-clients");
        var node = FindOnPath("node");
        string? missing = node is null
            ? "node is not on PATH (Node 20 runs the real OpenAI clients)"
            : !Directory.Exists(Path.Combine(folder, "node_modules", "openai")) || !Directory.Exists(Path.Combine(folder, "node_modules", "ai"))
                ? $"{folder}/node_modules is missing: run 'npm ci' there"
                : null;
        if (missing is not null)
        {
            Assert.True(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")), $"CI is set, so this must run: {missing}.");
            Skip.If(true, missing);
        }

        return (node!, folder);
    }

    private static async Task<JsonElement> RunAsync(string node, string folder, string script, KestrelGateway gateway)
    {
        var start = new ProcessStartInfo(node, [script])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["GATEWAY_URL"] = gateway.BaseUrl.ToString().TrimEnd('/');
        start.Environment["GATEWAY_KEY"] = GatewayRequests.ServerKey;
        start.Environment["GATEWAY_MODEL"] = "fake/fake-1";
        start.Environment.Remove("HTTP_PROXY");
        start.Environment.Remove("HTTPS_PROXY");
        start.Environment.Remove("http_proxy");
        start.Environment.Remove("https_proxy");
        using var process = Process.Start(start)!;
        using var deadline = new CancellationTokenSource(Deadline);
        var stdout = process.StandardOutput.ReadToEndAsync(deadline.Token);
        var stderr = process.StandardError.ReadToEndAsync(deadline.Token);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} did not finish within {Deadline.TotalSeconds} s.");
        }

        var output = await stdout;
        var errors = await stderr;
        Assert.True(process.ExitCode == 0, $"{script} exited with {process.ExitCode}:\n{errors}\n{output}");
        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        return JsonDocument.Parse(last).RootElement.Clone();
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NxtAIGen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("NxtAIGen.sln not found above " + AppContext.BaseDirectory);
    }
}
