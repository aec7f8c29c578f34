using System.Runtime.CompilerServices;

namespace NxtAIGen.Benchmarks;

/// <summary>
/// The Anthropic SDK and OllamaSharp serialise with reflection-based JSON, which Directory.Build.props turns off for
/// the repository; BenchmarkDotNet's generated runner inherits that, so the switch is turned back on as the benchmark
/// assembly loads (before any JSON is touched). Our providers use only their source-generated contexts either way.
/// </summary>
internal static class ReflectionJsonSwitch
{
    [ModuleInitializer]
    internal static void Enable() => AppContext.SetSwitch("System.Text.Json.JsonSerializer.IsReflectionEnabledByDefault", true);
}
