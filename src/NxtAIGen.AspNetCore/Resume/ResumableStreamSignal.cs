namespace NxtAIGen.AspNetCore;

/// <summary>What the instance running a resumable generation is told.</summary>
public enum ResumableStreamSignal
{
    /// <summary>The owner asked to stop the generation for good.</summary>
    Stop,

    /// <summary>No client reads the stream any more: the grace period starts.</summary>
    Unattended,

    /// <summary>A client reads the stream again: the grace period is off.</summary>
    Attended,
}
