namespace NxtAIGen.AspNetCore.Streaming;

/// <summary>The terminal state of a streamed generation.</summary>
internal enum ChatStreamEnd
{
    /// <summary>Ended with <c>done</c>.</summary>
    Done,

    /// <summary>Ended with an <c>error</c> event.</summary>
    Error,

    /// <summary>The client left; nothing more could be sent.</summary>
    ClientDisconnected,
}
