using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;

namespace NxtAIGen.Providers.Demo;

/// <summary>
/// How the offline <c>demo</c> provider paces its answer. Set them with
/// <c>AddDemo(o =&gt; ...)</c> or bind them from configuration; they are validated at start-up.
/// </summary>
public sealed class DemoProviderOptions
{
    /// <summary>Gets or sets the pause before each word of the answer, which makes the stream look like a real model's.</summary>
    /// <value>Default 40 ms. From <see cref="TimeSpan.Zero"/> (no pause: the whole answer at once) to 10 seconds.</value>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "TimeSpan's converter is always kept; the source-generated validator parses the bounds without reflection.")]
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan WordDelay { get; set; } = TimeSpan.FromMilliseconds(40);

    /// <summary>Gets or sets the pause before each word of the reasoning preamble, streamed when a request asks for reasoning.</summary>
    /// <value>Default 15 ms. From <see cref="TimeSpan.Zero"/> (no pause) to 10 seconds.</value>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "TimeSpan's converter is always kept; the source-generated validator parses the bounds without reflection.")]
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan ReasoningWordDelay { get; set; } = TimeSpan.FromMilliseconds(15);
}
