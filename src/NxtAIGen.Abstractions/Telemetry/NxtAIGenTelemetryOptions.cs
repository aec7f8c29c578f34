namespace NxtAIGen.Abstractions;

/// <summary>What NxtAIGen's traces and metrics record (<c>NxtAIGen:Telemetry</c>).</summary>
public sealed class NxtAIGenTelemetryOptions
{
    /// <summary>
    /// Gets or sets whether spans carry the conversation and the answer (<c>gen_ai.input.messages</c>,
    /// <c>gen_ai.output.messages</c>). Default <see langword="false"/>: spans and metrics then hold ids, model names,
    /// counts and timings only, never prompts, answers or keys. Enable it only where traces may hold user data.
    /// </summary>
    public bool CaptureContent { get; set; }
}
