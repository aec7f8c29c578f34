namespace NxtAIGen.PropertyTests;

/// <summary>A parser broke a property: threw an undocumented exception or never ended.</summary>
internal sealed class ParserPropertyException : Exception
{
    public ParserPropertyException()
    {
    }

    public ParserPropertyException(string message)
        : base(message)
    {
    }

    public ParserPropertyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
