using NxtAIGen.Abstractions;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ChatServer.Telemetry;

/// <summary>
/// OpenTelemetry for the sample, chosen by configuration: <c>ChatServer:Telemetry:Exporter</c> is <c>none</c> (the
/// default), <c>console</c> or <c>otlp</c> (<c>ChatServer:Telemetry:OtlpEndpoint</c>, else the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, else <c>http://localhost:4317</c>). Traces and metrics cover NxtAIGen's GenAI
/// spans and histograms, ASP.NET Core requests and outgoing HTTP calls.
/// </summary>
internal static class SampleTelemetry
{
    public static WebApplicationBuilder AddSampleTelemetry(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("ChatServer:Telemetry");
        var exporter = (section["Exporter"] ?? "none").Trim().ToLowerInvariant();
        if (exporter == "none")
        {
            return builder;
        }

        if (exporter is not ("console" or "otlp"))
        {
            throw new InvalidOperationException($"ChatServer:Telemetry:Exporter is '{exporter}'; use none, console or otlp.");
        }

        var endpoint = section["OtlpEndpoint"] is { Length: > 0 } configured ? new Uri(configured) : null;
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(section["ServiceName"] ?? "nxtaigen-chatserver"))
            .WithTracing(tracing =>
            {
                tracing.AddSource(NxtAIGenDiagnostics.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (exporter == "console")
                {
                    tracing.AddConsoleExporter();
                }
                else
                {
                    tracing.AddOtlpExporter(o => o.Endpoint = endpoint ?? o.Endpoint);
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(NxtAIGenDiagnostics.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (exporter == "console")
                {
                    metrics.AddConsoleExporter();
                }
                else
                {
                    metrics.AddOtlpExporter(o => o.Endpoint = endpoint ?? o.Endpoint);
                }
            });
        return builder;
    }
}
