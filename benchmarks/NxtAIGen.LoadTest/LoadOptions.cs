using System.Globalization;

namespace NxtAIGen.LoadTest;

/// <summary>The harness's command line.</summary>
internal sealed class LoadOptions
{
    public int Tokens { get; set; } = 20;

    public int DelayMs { get; set; }

    public IReadOnlyList<int> Concurrency { get; set; } = [1, 100, 1000];

    public TimeSpan Duration { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan Warmup { get; set; } = TimeSpan.FromSeconds(2);

    public IReadOnlyList<string> Targets { get; set; } = ["gateway", "node-openai", "node-ai-sdk"];

    public bool TargetsGiven { get; set; }

    public string JsonPath { get; set; } = "loadtest-results.json";

    public bool Smoke { get; set; }

    public int OpenStreams { get; set; }

    public TimeSpan Hold { get; set; } = TimeSpan.FromSeconds(10);

    public bool Soak { get; set; }

    public int SoakConcurrency { get; set; } = 100;

    public double HangUpRate { get; set; } = 0.01;

    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromSeconds(5);

    public const string Usage = """
        NxtAIGen.LoadTest: end-to-end load through the NxtAIGen gateway, its Node peers and the fake upstream.

          --concurrency 1,100,1000   concurrent streams, one measured phase each (default 1,100,1000)
          --duration 10s             length of each measured phase (s, m suffixes; default 10s; soak default 10m)
          --warmup 2s                unmeasured load before each phase (default 2s)
          --tokens 20                content chunks per stream (default 20)
          --delay-ms 0               delay between chunks in the fake upstream (default 0)
          --target gateway,node-openai,node-ai-sdk
                                     what to load besides the upstream itself (default: all three; peers need node)
          --json path                JSON report (default loadtest-results.json)
          --smoke                    a few seconds: 1 and 10 streams, gateway only; exit 1 on any error
          --open-streams 10000       hold this many slow streams open through the gateway; memory per stream
          --hold 10s                 how long the open streams stay open (default 10s)
          --soak                     steady load with hang-ups; memory, fds, threads over time (default 10m)
          --soak-concurrency 100     concurrent streams during the soak (default 100)
          --hang-up-rate 0.01        share of soak streams the client drops mid-stream (default 0.01)
          --sample-interval 5s       soak sampling period (default 5s)
        Exit code: 0 when no stream failed, 1 otherwise, 2 on a bad command line.
        """;

    public static LoadOptions Parse(string[] args)
    {
        var o = new LoadOptions();
        var durationGiven = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--tokens": o.Tokens = ParseInt(Next()); break;
                case "--delay-ms": o.DelayMs = ParseInt(Next()); break;
                case "--concurrency": o.Concurrency = [.. Next().Split(',').Select(ParseInt)]; break;
                case "--duration": o.Duration = ParseSpan(Next()); durationGiven = true; break;
                case "--warmup": o.Warmup = ParseSpan(Next()); break;
                case "--target": o.Targets = [.. Next().Split(',')]; o.TargetsGiven = true; break;
                case "--json": o.JsonPath = Next(); break;
                case "--smoke": o.Smoke = true; break;
                case "--open-streams": o.OpenStreams = ParseInt(Next()); break;
                case "--hold": o.Hold = ParseSpan(Next()); break;
                case "--soak": o.Soak = true; break;
                case "--soak-concurrency": o.SoakConcurrency = ParseInt(Next()); break;
                case "--hang-up-rate": o.HangUpRate = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--sample-interval": o.SampleInterval = ParseSpan(Next()); break;
                default: throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }

        foreach (var t in o.Targets)
        {
            if (t is not ("gateway" or "node-openai" or "node-ai-sdk"))
            {
                throw new ArgumentException($"Unknown target {t}: gateway, node-openai or node-ai-sdk.");
            }
        }

        if (o.Smoke)
        {
            o.Concurrency = [1, 10];
            o.Duration = durationGiven ? o.Duration : TimeSpan.FromSeconds(2);
            o.Warmup = TimeSpan.FromSeconds(0.5);
            o.Targets = o.TargetsGiven ? o.Targets : ["gateway"];
        }
        else if (o.Soak && !durationGiven)
        {
            o.Duration = TimeSpan.FromMinutes(10);
        }

        if (o.Tokens < 1 || o.DelayMs < 0 || o.Concurrency.Any(c => c < 1) || o.HangUpRate is < 0 or > 1)
        {
            throw new ArgumentException("--tokens and --concurrency must be positive, --delay-ms not negative, --hang-up-rate within 0..1.");
        }

        return o;
    }

    private static int ParseInt(string s) => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture);

    private static TimeSpan ParseSpan(string s)
    {
        if (s.EndsWith("ms", StringComparison.Ordinal))
        {
            return TimeSpan.FromMilliseconds(double.Parse(s[..^2], CultureInfo.InvariantCulture));
        }

        return s[^1] switch
        {
            's' => TimeSpan.FromSeconds(double.Parse(s[..^1], CultureInfo.InvariantCulture)),
            'm' => TimeSpan.FromMinutes(double.Parse(s[..^1], CultureInfo.InvariantCulture)),
            'h' => TimeSpan.FromHours(double.Parse(s[..^1], CultureInfo.InvariantCulture)),
            _ => TimeSpan.FromSeconds(double.Parse(s, CultureInfo.InvariantCulture)),
        };
    }
}
