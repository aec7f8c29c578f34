using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace NxtAIGen.LoadTest;

/// <summary>The console table and the JSON file.</summary>
internal static class Report
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static object Machine() => new
    {
        Cores = Environment.ProcessorCount,
        Cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null,
        MemoryMiB = File.Exists("/proc/meminfo")
            ? long.Parse(File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024
            : 0,
        Os = RuntimeInformation.OSDescription,
        Runtime = RuntimeInformation.FrameworkDescription,
        LoadAverage = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : null,
    };

    public static string Table(IReadOnlyList<PhaseResult> phases)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture,
            $"{"target",-12} {"C",5} {"streams/s",10} {"TTFT p50",9} {"p99",8} | {"+TTFT p50",9} {"p90",7} {"p99",7} | {"+TTLT p50",9} {"p99",7} | {"ITL p99",8} {"+ITL p99",8} | {"CPU",5} {"peak RSS",9} {"errors",6}");
        foreach (var p in phases)
        {
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"{p.Target,-12} {p.Concurrency,5} {p.StreamsPerSecond,10:F0} {p.Ttft.P50,9:F2} {p.Ttft.P99,8:F2} | {F(p.AddedTtft?.P50),9} {F(p.AddedTtft?.P90),7} {F(p.AddedTtft?.P99),7} | {F(p.AddedTtlt?.P50),9} {F(p.AddedTtlt?.P99),7} | {p.InterToken.P99,8:F2} {F(p.AddedInterToken?.P99),8} | {p.CpuCores,5:F2} {p.PeakRssBytes / 1048576.0,6:F0} MiB {p.Errors,6}");
        }

        sb.AppendLine("times in ms; + = minus the fake upstream's own figure at the same concurrency in this run; CPU in cores of the serving process; RSS of the serving process.");
        return sb.ToString();
    }

    public static async Task WriteJsonAsync(string path, object report)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await using var file = File.Create(full);
        await JsonSerializer.SerializeAsync(file, report, Json);
        Console.WriteLine("JSON report: " + full);
    }

    private static string F(double? v) => v is { } d && !double.IsNaN(d) ? d.ToString("F2", CultureInfo.InvariantCulture) : "-";
}
