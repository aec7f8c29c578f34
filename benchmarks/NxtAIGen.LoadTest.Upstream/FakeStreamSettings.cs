using System.Globalization;

namespace NxtAIGen.LoadTest.Upstream;

/// <summary>Default stream shape and the listening address, from the command line.</summary>
internal sealed record FakeStreamSettings(int Tokens, int DelayMs, string Url)
{
    public static FakeStreamSettings FromArgs(string[] args)
    {
        var tokens = 20;
        var delay = 0;
        var url = "http://127.0.0.1:0";
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--tokens": tokens = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--delay-ms": delay = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--urls": url = args[i + 1]; break;
                default: throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }

        return new FakeStreamSettings(tokens, delay, url);
    }

    /// <summary>Reads "t&lt;tokens&gt;-d&lt;delay&gt;" from a model name, or returns the defaults.</summary>
    public (int Tokens, int DelayMs) ForModel(ReadOnlySpan<char> model)
    {
        var dash = model.IndexOf("-d", StringComparison.Ordinal);
        if (model.Length > 1 && model[0] == 't' && dash > 1
            && int.TryParse(model[1..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var tokens)
            && int.TryParse(model[(dash + 2)..], NumberStyles.None, CultureInfo.InvariantCulture, out var delay))
        {
            return (tokens, delay);
        }

        return (Tokens, DelayMs);
    }
}
