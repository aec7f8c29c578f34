namespace NxtAIGen.Testing;

/// <summary>A provider's stream did not match a fixture's expected result; the message lists every difference.</summary>
public sealed class StreamMismatchException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StreamMismatchException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The differences.</param>
    public StreamMismatchException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The differences.</param>
    /// <param name="innerException">The stream's own failure, if any.</param>
    public StreamMismatchException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
