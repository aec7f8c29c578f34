using System.Text;
using System.Text.Json;
using NxtAIGen.Abstractions;

namespace NxtAIGen.Testing;

/// <summary>Compares a folded stream with a fixture's expected result, reporting every difference at once.</summary>
public static class StreamAssert
{
    /// <summary>
    /// Checks text, reasoning, tool calls, finish reason, usage and error (and, when the options say so, refusal,
    /// citations and the cut-off rule). When an error is expected the finish reason and usage are not compared:
    /// a failed stream has no finish chunk. A successful stream must end with exactly one finish chunk.
    /// </summary>
    /// <param name="expected">The fixture's expected result.</param>
    /// <param name="actual">The provider's folded output.</param>
    /// <param name="context">Names the case in the message, for example <c>openai/refusal, one-byte</c>.</param>
    /// <param name="options">What to compare; <see cref="StreamComparisonOptions.OpenAIStyle"/> rules are not implied.</param>
    /// <exception cref="StreamMismatchException">Something differs.</exception>
    public static void Matches(ExpectedStreamResult expected, StreamResult actual, string context, StreamComparisonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        options ??= new StreamComparisonOptions();
        var failures = new List<string>();
        CompareText(failures, "text", expected.Text, actual.Text);
        CompareText(failures, "reasoning", expected.Reasoning, actual.Reasoning);
        CompareToolCalls(failures, expected.ToolCalls, actual.ToolCalls, options);
        if (options.CompareRefusal && expected.Refusal is { } refusal)
        {
            CompareText(failures, "refusal", refusal, actual.Refusal);
        }

        if (options.CompareCitations && expected.Citations is { } citations)
        {
            var actualCitations = actual.Metadata.LastOrDefault(m => m.Citations is not null)?.Citations ?? [];
            if (!citations.SequenceEqual(actualCitations))
            {
                failures.Add($"citations: expected [{string.Join(", ", citations)}] but got [{string.Join(", ", actualCitations)}]");
            }
        }

        if (expected.Error is { } error)
        {
            CompareError(failures, error, actual);
        }
        else if (options.ExpectIncomplete(expected))
        {
            if (actual.ProviderError is not { Kind: ProviderErrorKind.Incomplete })
            {
                failures.Add($"end: the body stops without an end marker, so an Incomplete error was expected, but got {Describe(actual.Error)}");
            }
        }
        else
        {
            if (actual.Error is not null)
            {
                failures.Add($"error: expected none but got {Describe(actual.Error)}");
            }

            CompareEnd(failures, expected, actual, options);
        }

        if (failures.Count > 0)
        {
            var message = new StringBuilder().Append(context).Append(": the stream differs from ").Append(expected.Provider).AppendLine(" expected.json:");
            foreach (var failure in failures)
            {
                message.Append("  - ").AppendLine(failure);
            }

            message.Append("  chunks: ").Append(actual.Chunks.Count).Append(", last: ").Append(actual.Chunks.Count > 0 ? actual.Chunks[^1].ToString() : "none");
            throw new StreamMismatchException(message.ToString(), actual.Error);
        }
    }

    private static void CompareEnd(List<string> failures, ExpectedStreamResult expected, StreamResult actual, StreamComparisonOptions options)
    {
        if (actual.FinishCount != 1 || !actual.FinishIsLast)
        {
            failures.Add($"finish: expected exactly one finish chunk, last; got {actual.FinishCount} (last chunk is finish: {actual.FinishIsLast})");
        }

        if (expected.FinishReason is not null && expected.FinishReason != actual.FinishReason)
        {
            failures.Add($"finishReason: expected '{expected.FinishReason}' but got '{actual.FinishReason ?? "null"}'");
        }

        var usage = actual.Usage;
        if (expected.Usage is null)
        {
            if (usage is not null)
            {
                failures.Add($"usage: expected none but got {usage}");
            }
        }
        else if (usage is null)
        {
            failures.Add($"usage: expected {expected.Usage} but got none");
        }
        else if (usage.InputTokens != expected.Usage.InputTokens || usage.OutputTokens != expected.Usage.OutputTokens
            || (options.CompareReasoningTokens && usage.ReasoningTokens != expected.Usage.ReasoningTokens))
        {
            failures.Add($"usage: expected {expected.Usage} but got {usage}");
        }
    }

    private static void CompareError(List<string> failures, ExpectedError error, StreamResult actual)
    {
        if (actual.ProviderError is not { } exception)
        {
            failures.Add($"error: expected {error} but got {Describe(actual.Error)}");
            return;
        }

        if (exception.Kind == ProviderErrorKind.Incomplete || exception.ProviderCode != error.Type || exception.ProviderMessage != error.Message)
        {
            failures.Add($"error: expected type '{error.Type}', message '{error.Message}' but got {Describe(exception)}");
        }
    }

    private static void CompareToolCalls(List<string> failures, IReadOnlyList<ExpectedToolCall> expected, IReadOnlyList<ChatToolCall> actual, StreamComparisonOptions options)
    {
        if (expected.Count != actual.Count)
        {
            failures.Add($"toolCalls: expected {expected.Count} ({string.Join(", ", expected.Select(c => c.Name))}) but got {actual.Count} ({string.Join(", ", actual.Select(c => c.Name))})");
            return;
        }

        for (var i = 0; i < expected.Count; i++)
        {
            var (want, got) = (expected[i], actual[i]);
            if (options.CompareToolCallIds && want.Id is not null && want.Id != got.Id)
            {
                failures.Add($"toolCalls[{i}].id: expected '{want.Id}' but got '{got.Id}'");
            }

            if (want.Name != got.Name)
            {
                failures.Add($"toolCalls[{i}].name: expected '{want.Name}' but got '{got.Name}'");
            }

            if (want.Arguments is { } arguments)
            {
                if (!got.TryParseArguments(out var parsed) || !JsonElement.DeepEquals(arguments, parsed))
                {
                    failures.Add($"toolCalls[{i}].arguments: expected {arguments.GetRawText()} but got {got.Arguments}");
                }
            }
            else if (want.ArgumentsRaw is { } raw && raw != got.Arguments)
            {
                failures.Add($"toolCalls[{i}].arguments: expected the raw text {raw} but got {got.Arguments}");
            }
        }
    }

    private static void CompareText(List<string> failures, string field, string expected, string actual)
    {
        if (expected == actual)
        {
            return;
        }

        var at = 0;
        while (at < expected.Length && at < actual.Length && expected[at] == actual[at])
        {
            at++;
        }

        failures.Add($"{field}: differs at index {at} (expected length {expected.Length}, actual {actual.Length}); expected …{Excerpt(expected, at)}… but got …{Excerpt(actual, at)}…");
    }

    private static string Excerpt(string text, int at)
    {
        var start = Math.Max(0, at - 20);
        var length = Math.Min(text.Length - start, 60);
        return JsonSerializer.Serialize(text.Substring(start, Math.Max(0, length)), TestingJsonContext.Default.String);
    }

    private static string Describe(Exception? exception) => exception switch
    {
        null => "no error",
        NxtAIGenProviderException p => $"{p.Kind} (code '{p.ProviderCode}', message '{p.ProviderMessage}')",
        _ => $"{exception.GetType().Name}: {exception.Message}",
    };
}
