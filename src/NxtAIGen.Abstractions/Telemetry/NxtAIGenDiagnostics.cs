namespace NxtAIGen.Abstractions;

/// <summary>
/// The names NxtAIGen's telemetry is published under, for <c>AddSource</c> and <c>AddMeter</c> in OpenTelemetry. Spans
/// and metrics follow OpenTelemetry's GenAI semantic conventions; every provider from the registry is instrumented.
/// </summary>
public static class NxtAIGenDiagnostics
{
    /// <summary>The name of NxtAIGen's <see cref="System.Diagnostics.ActivitySource"/> and <see cref="System.Diagnostics.Metrics.Meter"/>: <c>NxtAIGen</c>.</summary>
    public const string Name = "NxtAIGen";

    /// <summary>The span per generation is named <c>chat {model}</c>; its attribute with the NxtAIGen provider id is this one.</summary>
    public const string ProviderIdAttribute = "nxtaigen.provider.id";
}
