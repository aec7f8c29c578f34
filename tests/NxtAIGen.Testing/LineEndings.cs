namespace NxtAIGen.Testing;

/// <summary>Re-ends the lines of a body (CRLF, CR or LF), to check that parsers accept all three.</summary>
public static class LineEndings
{
    /// <summary>Replaces every line end (<c>\r\n</c>, <c>\r</c> or <c>\n</c>) with <paramref name="ending"/>.</summary>
    /// <param name="body">The body. JSON bodies are safe: JSON strings cannot hold raw line breaks.</param>
    /// <param name="ending">The new line end.</param>
    /// <returns>The converted body.</returns>
    public static byte[] Convert(ReadOnlySpan<byte> body, LineEnding ending)
    {
        ReadOnlySpan<byte> newLine = ending switch
        {
            LineEnding.CrLf => "\r\n"u8,
            LineEnding.Cr => "\r"u8,
            _ => "\n"u8,
        };
        var output = new List<byte>(body.Length + (body.Length / 8));
        for (var i = 0; i < body.Length; i++)
        {
            var b = body[i];
            if (b == (byte)'\r')
            {
                if (i + 1 < body.Length && body[i + 1] == (byte)'\n')
                {
                    i++;
                }

                output.AddRange(newLine);
            }
            else if (b == (byte)'\n')
            {
                output.AddRange(newLine);
            }
            else
            {
                output.Add(b);
            }
        }

        return [.. output];
    }
}
