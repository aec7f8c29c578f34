namespace NxtAIGen.Providers.Demo.Internal;

/// <summary>Splits text into the pieces the demo streams, and estimates tokens the way a real tokenizer roughly would.</summary>
internal static class DemoText
{
    /// <summary>
    /// Splits <paramref name="text"/> into words, each with the whitespace before it, so that the pieces
    /// concatenate to exactly <paramref name="text"/> (as in <c>"Hello"</c>, <c>" world"</c>, <c>"\n\nNext"</c>).
    /// </summary>
    public static List<string> SplitWords(string text)
    {
        var words = new List<string>();
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            words.Add(text[start..i]);
            start = i;
        }

        return words;
    }

    /// <summary>About four characters per token, rounded up.</summary>
    public static int EstimateTokens(long characters) => characters <= 0 ? 0 : (int)Math.Min(int.MaxValue, (characters + 3) / 4);

    /// <summary>The first line of <paramref name="text"/>, cut to <paramref name="maxLength"/> characters with an ellipsis.</summary>
    public static string Quote(string text, int maxLength)
    {
        var line = text.Trim();
        var newline = line.IndexOfAny(['\r', '\n']);
        var cut = newline >= 0;
        if (cut)
        {
            line = line[..newline].TrimEnd();
        }

        if (line.Length > maxLength)
        {
            line = line[..maxLength].TrimEnd();
            cut = true;
        }

        return cut ? line + "…" : line;
    }

    /// <summary>Counts the words of <paramref name="text"/>.</summary>
    public static int CountWords(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var isWord = !char.IsWhiteSpace(c);
            if (isWord && !inWord)
            {
                count++;
            }

            inWord = isWord;
        }

        return count;
    }
}
