using System.Globalization;
using System.Text;
using NxtAIGen.Abstractions;

namespace NxtAIGen.Providers.Demo.Internal;

/// <summary>
/// Writes the demo's answers and reasoning from templates. Every choice comes from the prompt's stable hash,
/// so the same prompt always gets the same text and different prompts usually get different text.
/// </summary>
internal static class DemoAnswerComposer
{
    public const string ConfigurationKey = "NxtAIGen__Providers__openai__ApiKey";

    private const int QuoteLength = 80;

    private static readonly string[] QuestionOpenings =
    [
        "Good question! You asked: “{0}”",
        "Thanks for asking. Your question was: “{0}”",
        "Let me answer “{0}” as well as an offline demo can.",
        "You want to know: “{0}” Here is what I can tell you.",
    ];

    private static readonly string[] StatementOpenings =
    [
        "Thanks for your message: “{0}”",
        "Got it. You wrote: “{0}”",
        "Noted: “{0}”",
        "I read your message, “{0}”, carefully.",
    ];

    private static readonly string[] LengthRemarks =
    [
        "That is {0} and {1}.",
        "Your message has {0} ({1}).",
        "{0}, {1}: I counted.",
    ];

    private static readonly string[] FirstTurnRemarks =
    [
        "This is the first message of our conversation.",
        "We are just getting started: this is your first message.",
        "Welcome! This conversation starts here.",
    ];

    private static readonly string[] LaterTurnRemarks =
    [
        "This is turn {0} of our conversation, and the history ({1}) came along with your message, just as a real provider would receive it.",
        "We are at turn {0} now. Your client sent the whole history again ({1}), which is how chat APIs keep context.",
        "Turn {0} so far. The history ({1}) arrived with this request, so a real model would remember it.",
    ];

    private static readonly string[] DemoNotes =
    [
        "A quick note:",
        "To be transparent:",
        "Just so you know:",
        "In case you wondered:",
    ];

    private static readonly string[] Closings =
    [
        "Happy building!",
        "Enjoy exploring NxtAIGen.",
        "Ask me anything else to watch the streaming in action.",
        "Have fun, and send another message whenever you like.",
    ];

    private static readonly string[] LongTopics =
    [
        "Streaming means the server forwards each piece of text as soon as the model produces it, instead of waiting for the whole answer.",
        "Server-sent events are a simple text format: lines of `event:` and `data:`, with a blank line after each event.",
        "A client reads the response body as a stream, splits it into events, and appends each content delta to the page.",
        "The Stop button aborts the request, and the server cancels the upstream call at once.",
        "Time to first token is what users feel most: the first words should appear quickly, even if the whole answer takes a while.",
        "Reasoning models think before they answer; some providers stream that reasoning, others only count its tokens.",
        "Token counts come at the end of the stream, with the reason the model stopped: a natural end, a length limit or tool calls.",
        "Providers differ in their wire formats, but NxtAIGen turns each of them into the same stream of chunks.",
    ];

    /// <summary>Writes the answer to an ordinary prompt.</summary>
    public static string ComposeAnswer(DemoPrompt prompt)
    {
        var hash = prompt.Hash;
        var text = new StringBuilder();

        // 1. Acknowledge the message.
        if (prompt.Text.Trim().Length == 0)
        {
            text.Append(prompt.HasAttachments
                ? "You sent attachments without any text, so I will simply tell you what arrived."
                : "Your message was empty, but I am happy to say hello anyway.");
        }
        else
        {
            var quote = DemoText.Quote(prompt.Text, QuoteLength);
            var openings = prompt.IsQuestion ? QuestionOpenings : StatementOpenings;
            var opening = Format(DemoHash.Pick(hash, 1, openings), quote);
            text.Append(opening);
            if (opening.EndsWith('”') && !quote.EndsWith('?') && !quote.EndsWith('!') && !quote.EndsWith('.') && !quote.EndsWith('…'))
            {
                text.Append('.');
            }


            text.Append(' ');
            text.Append(Format(DemoHash.Pick(hash, 2, LengthRemarks), Plural(DemoText.CountWords(prompt.Text), "word"), Plural(prompt.Text.Length, "character")));
        }

        // 2. Attachments.
        if (prompt.HasAttachments)
        {
            text.Append("\n\n");
            AppendAttachments(text, prompt);
        }

        // 3. The conversation.
        text.Append("\n\n");
        text.Append(prompt.UserTurns <= 1
            ? DemoHash.Pick(hash, 3, FirstTurnRemarks)
            : Format(DemoHash.Pick(hash, 3, LaterTurnRemarks), prompt.UserTurns, prompt.UserTurns == 2 ? "1 earlier turn" : Format("{0} earlier turns", prompt.UserTurns - 1)));
        if (prompt.SystemPromptLength > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" I also received your system instructions ({prompt.SystemPromptLength} characters).");
        }

        // 4. A code sample when the prompt is about code, to show how code blocks stream.
        if (MentionsCode(prompt.Text))
        {
            text.Append("\n\nSince you mentioned code, here is how a program reads this very stream with NxtAIGen:\n\n");
            text.Append("```csharp\n");
            text.Append("await foreach (var chunk in provider.StreamAsync(request))\n");
            text.Append("{\n");
            text.Append("    if (chunk.Kind == ChatChunkKind.Text)\n");
            text.Append("    {\n");
            text.Append("        Console.Write(chunk.Text);\n");
            text.Append("    }\n");
            text.Append("}\n");
            text.Append("```");
        }

        // 5. What this is, and how to get a real model.
        text.Append("\n\n");
        text.Append(DemoHash.Pick(hash, 4, DemoNotes));
        text.Append(" I am the offline demo provider of NxtAIGen. I do not call any model and need no network or API key: ");
        text.Append("this answer is assembled from templates, deterministically, so the same prompt always gets the same answer.");
        text.Append("\n\nTo chat with a real model, give the server a key, for example with the environment variable `");
        text.Append(ConfigurationKey);
        text.Append("` (the `NxtAIGen:Providers:openai:ApiKey` setting), restart it and pick that provider. ");
        text.Append("Anthropic, Gemini and the others work the same way under their own ids.");

        // 6. Close.
        text.Append("\n\n");
        text.Append(DemoHash.Pick(hash, 5, Closings));
        return text.ToString();
    }

    /// <summary>Writes the reasoning preamble; longer for higher effort.</summary>
    public static string ComposeReasoning(DemoPrompt prompt, ChatReasoningEffort effort)
    {
        var lines = new List<string>();
        var words = DemoText.CountWords(prompt.Text);
        lines.Add(words == 0
            ? "The message has no text."
            : string.Create(CultureInfo.InvariantCulture, $"The user wrote {words} {(words == 1 ? "word" : "words")}{(prompt.IsQuestion ? " and asks a question" : string.Empty)}."));
        if (effort >= ChatReasoningEffort.Low && prompt.HasAttachments)
        {
            lines.Add($"They attached {DescribeAttachments(prompt)}; I should mention them.");
        }

        if (effort >= ChatReasoningEffort.Medium)
        {
            lines.Add(prompt.UserTurns <= 1
                ? "It is the first turn, so there is no earlier context to consider."
                : string.Create(CultureInfo.InvariantCulture, $"It is turn {prompt.UserTurns}, so the earlier turns are part of the context."));
        }

        lines.Add("I am the offline demo, so I cannot really answer; the most useful reply acknowledges the message and explains how to configure a real provider.");
        if (effort >= ChatReasoningEffort.High)
        {
            lines.Add("Plan: acknowledge the message, describe any attachments, note the conversation so far, then explain the key setup.");
            lines.Add("Keep the tone friendly and the answer short.");
        }

        return string.Join(' ', lines);
    }

    /// <summary>Writes the answer to <c>/demo help</c>.</summary>
    public static string ComposeHelp() =>
        "I am the offline demo provider. Besides ordinary prompts I understand these commands, sent as the whole message:\n\n" +
        "- `/demo help` shows this list.\n" +
        "- `/demo long` streams a long answer, to try scrolling and the Stop button.\n" +
        "- `/demo error` streams a few words, then fails with a server error.\n" +
        "- `/demo incomplete` streams a few words, then ends as if the connection dropped.\n" +
        "- `/demo rate-limit` fails at once with a rate limit (retry after 30 seconds).\n" +
        "- `/demo overloaded` fails at once as an overloaded service.\n\n" +
        "Mention code in a prompt to get a code block, attach images or documents to see them counted, and turn on reasoning to see my thinking first.";

    /// <summary>Writes the answer to <c>/demo long</c>.</summary>
    public static string ComposeLong(DemoPrompt prompt)
    {
        var text = new StringBuilder("Here is a long answer, so you can try scrolling and the Stop button.");
        for (var i = 0; i < 12; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n\n{i + 1}. ");
            text.Append(LongTopics[(int)(DemoHash.Mix(prompt.Hash, 10 + i) % (ulong)LongTopics.Length)]);
            text.Append(' ');
            text.Append(LongTopics[(i + 3) % LongTopics.Length]);
        }

        text.Append("\n\nThat is all: the end of the long answer.");
        return text.ToString();
    }

    private static void AppendAttachments(StringBuilder text, DemoPrompt prompt)
    {
        text.Append("You attached ").Append(DescribeAttachments(prompt)).Append('.');
        if (prompt.ImageCount > 0)
        {
            text.Append(prompt.ImageCount == 1
                ? " I cannot really look at the image, but a vision model would describe it here."
                : " I cannot really look at the images, but a vision model would describe them here.");
        }

        if (prompt.DocumentNames.Count > 0)
        {
            text.Append(prompt.DocumentNames.Count == 1
                ? " A real model would read the document and answer from it."
                : " A real model would read the documents and answer from them.");
        }
    }

    private static string DescribeAttachments(DemoPrompt prompt)
    {
        var parts = new List<string>();
        if (prompt.ImageCount > 0)
        {
            parts.Add(prompt.ImageCount == 1 ? "1 image" : string.Create(CultureInfo.InvariantCulture, $"{prompt.ImageCount} images"));
        }

        if (prompt.DocumentNames.Count > 0)
        {
            var names = string.Join(", ", prompt.DocumentNames.Select(n => "“" + n + "”"));
            parts.Add(prompt.DocumentNames.Count == 1
                ? "the document " + names
                : string.Create(CultureInfo.InvariantCulture, $"{prompt.DocumentNames.Count} documents ({names})"));
        }

        return string.Join(" and ", parts);
    }

    private static bool MentionsCode(string text) =>
        text.Contains("code", StringComparison.OrdinalIgnoreCase)
        || text.Contains("example", StringComparison.OrdinalIgnoreCase)
        || text.Contains("snippet", StringComparison.OrdinalIgnoreCase)
        || text.Contains("C#", StringComparison.OrdinalIgnoreCase);

    private static string Format(string template, params object[] args) => string.Format(CultureInfo.InvariantCulture, template, args);

    private static string Plural(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");
}
