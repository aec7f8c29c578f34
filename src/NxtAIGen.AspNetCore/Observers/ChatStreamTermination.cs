namespace NxtAIGen.AspNetCore;

/// <summary>How a streamed chat request ended.</summary>
public enum ChatStreamTermination
{
    /// <summary>The provider finished and the stream ended with <c>done</c>.</summary>
    Done,

    /// <summary>The stream ended with an <c>error</c> event (provider error, timeout, incomplete answer, ...).</summary>
    Error,

    /// <summary>The client stopped the stream or disconnected; the upstream call was canceled.</summary>
    Disconnected,
}
