namespace NxtAIGen.Testing;

/// <summary>The three line ends an event stream may use.</summary>
public enum LineEnding
{
    /// <summary><c>\n</c>.</summary>
    Lf,

    /// <summary><c>\r\n</c>.</summary>
    CrLf,

    /// <summary><c>\r</c>.</summary>
    Cr,
}
