using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace NxtAIGen.Abstractions.Internal;

/// <summary>
/// NxtAIGen's one <see cref="ActivitySource"/> and one <see cref="Meter"/> (both named <c>NxtAIGen</c>), with the
/// instruments of OpenTelemetry's GenAI client conventions. The meter comes from <see cref="IMeterFactory"/> when the
/// host has one (so metrics are scoped to the host), else it is owned here.
/// </summary>
internal sealed class GenAITelemetry : IDisposable
{
    private static readonly string? Version = typeof(GenAITelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly IOptionsMonitor<NxtAIGenTelemetryOptions>? _options;

    public GenAITelemetry(IMeterFactory? meterFactory = null, IOptionsMonitor<NxtAIGenTelemetryOptions>? options = null, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        _options = options;
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(NxtAIGenDiagnostics.Name, Version) ?? new Meter(NxtAIGenDiagnostics.Name, Version);
        ActivitySource = new ActivitySource(NxtAIGenDiagnostics.Name, Version);
        Logger = (ILogger?)loggerFactory?.CreateLogger("NxtAIGen.Telemetry") ?? NullLogger.Instance;
        TimeProvider = timeProvider ?? TimeProvider.System;
        OperationDuration = _meter.CreateHistogram(
            "gen_ai.client.operation.duration",
            unit: "s",
            description: "GenAI operation duration.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92] });
        TimeToFirstChunk = _meter.CreateHistogram(
            "gen_ai.client.operation.time_to_first_chunk",
            unit: "s",
            description: "Time from the request to the first chunk of the streamed answer.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92] });
        TokenUsage = _meter.CreateHistogram(
            "gen_ai.client.token.usage",
            unit: "{token}",
            description: "Number of input and output tokens used.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864] });
    }

    public ActivitySource ActivitySource { get; }

    public Histogram<double> OperationDuration { get; }

    public Histogram<double> TimeToFirstChunk { get; }

    public Histogram<int> TokenUsage { get; }

    public ILogger Logger { get; }

    public TimeProvider TimeProvider { get; }

    public bool CaptureContent => _options?.CurrentValue.CaptureContent == true;

    /// <summary>The <c>gen_ai.provider.name</c> of a provider type: the well-known value where the conventions define one, else the type.</summary>
    public static string ProviderName(string type) => type.ToUpperInvariant() switch
    {
        "GEMINI" => "gcp.gemini",
        "MISTRAL" => "mistral_ai",
        "XAI" => "x_ai",
        "GITHUB" => "azure.ai.inference",
        _ => type.ToLowerInvariant(),
    };

    public void Dispose()
    {
        ActivitySource.Dispose();
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
