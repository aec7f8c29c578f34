using System.Text.Json;
using NxtAIGen.Abstractions;

namespace NxtAIGen.Providers.Anthropic.Internal;

/// <summary>The <c>system</c> prompt and the <c>messages</c> array.</summary>
internal static partial class AnthropicRequestWriter
{
    /// <summary>The user turn put before a conversation that starts with an assistant message.</summary>
    internal const string ConversationStart = "(conversation start)";

    private enum BlockKind
    {
        Text,
        Image,
        Document,
        Thinking,
        RedactedThinking,
        ToolUse,
        ToolResult,
    }

    /// <summary>The system messages' text, in order; documents in them are inlined as text.</summary>
    private static List<string> CollectSystem(IList<ChatMessage> messages, string providerId)
    {
        var system = new List<string>();
        foreach (var message in messages)
        {
            if (message.Role != ChatRole.System)
            {
                continue;
            }

            foreach (var part in message.Parts)
            {
                switch (part)
                {
                    case TextPart { Text: var text } when !string.IsNullOrWhiteSpace(text):
                        system.Add(text);
                        break;
                    case DocumentPart document:
                        system.Add(DocumentText(document, providerId));
                        break;
                    case ImagePart:
                        throw new NxtAIGenProviderException(
                            ProviderErrorKind.InvalidRequest, providerId, $"{providerId}: Anthropic accepts images only in user messages, not in the system prompt.");
                    default:
                        break;
                }
            }
        }

        return system;
    }

    /// <summary>
    /// Turns the conversation into alternating user and assistant turns: consecutive messages of one role are
    /// merged (Anthropic requires alternation), tool results go into a user turn, and empty text is dropped
    /// (Anthropic refuses blank text blocks).
    /// </summary>
    private static List<Turn> BuildTurns(IList<ChatMessage> messages, ChatCapabilities capabilities, string providerId)
    {
        var turns = new List<Turn>();
        foreach (var message in messages)
        {
            if (message.Role == ChatRole.System)
            {
                continue;
            }

            var assistant = message.Role == ChatRole.Assistant;
            var results = new List<Block>();
            var content = new List<Block>();
            foreach (var part in message.Parts)
            {
                switch (part)
                {
                    case TextPart { Text: var text }:
                        if (!string.IsNullOrWhiteSpace(text))
                        {
                            content.Add(new Block(BlockKind.Text, part, text));
                        }

                        break;
                    case ImagePart image:
                        if (assistant)
                        {
                            throw new NxtAIGenProviderException(
                                ProviderErrorKind.InvalidRequest, providerId, $"{providerId}: Anthropic accepts images only in user messages, not in assistant messages.");
                        }

                        CheckImage(image, providerId);
                        content.Add(new Block(BlockKind.Image, image));
                        break;
                    case DocumentPart document:
                        content.Add(!assistant && IsNativePdf(document, capabilities)
                            ? new Block(BlockKind.Document, document)
                            : new Block(BlockKind.Text, document, DocumentText(document, providerId)));
                        break;
                    case ReasoningPart reasoning when assistant:
                        if (!string.IsNullOrEmpty(reasoning.RedactedData))
                        {
                            content.Add(new Block(BlockKind.RedactedThinking, reasoning));
                        }
                        else if (!string.IsNullOrEmpty(reasoning.Signature))
                        {
                            content.Add(new Block(BlockKind.Thinking, reasoning));
                        }

                        break; // Unsigned reasoning (another provider's) cannot be sent back to Anthropic.
                    case ToolCallPart call:
                        if (!assistant)
                        {
                            throw new NxtAIGenProviderException(
                                ProviderErrorKind.InvalidRequest, providerId, $"{providerId}: the tool call '{call.Call.Id}' belongs in an assistant message.");
                        }

                        content.Add(new Block(BlockKind.ToolUse, call));
                        break;
                    case ToolResultPart:
                        results.Add(new Block(BlockKind.ToolResult, part));
                        break;
                    default:
                        break;
                }
            }

            if (assistant)
            {
                Append(turns, "assistant", content);
                Append(turns, "user", results);
            }
            else
            {
                Append(turns, "user", results);
                Append(turns, "user", content);
            }
        }

        return turns;
    }

    private static void Append(List<Turn> turns, string role, List<Block> blocks)
    {
        if (blocks.Count == 0)
        {
            return;
        }

        if (turns.Count > 0 && turns[^1].Role == role)
        {
            turns[^1].Blocks.AddRange(blocks);
        }
        else
        {
            turns.Add(new Turn(role, blocks));
        }
    }

    private static void WriteSystem(Utf8JsonWriter writer, List<string> system)
    {
        if (system.Count == 1)
        {
            writer.WriteString("system", system[0]);
            return;
        }

        writer.WriteStartArray("system");
        foreach (var text in system)
        {
            WriteText(writer, text);
        }

        writer.WriteEndArray();
    }

    /// <summary>
    /// Puts the turns in the order Anthropic requires. In a user turn the tool results come first. In an assistant
    /// turn the thinking blocks come first; without thinking in this request, or with nothing after them, they are
    /// left out, because Anthropic refuses them there. Turns left empty are dropped and their neighbours merged. A
    /// conversation that opens with the assistant gets a short user turn first, and a final (prefilled) assistant
    /// text loses its trailing whitespace, both as Anthropic requires.
    /// </summary>
    private static List<Turn> Arrange(List<Turn> turns, bool thinking)
    {
        static bool IsThinking(Block b) => b.Kind is BlockKind.Thinking or BlockKind.RedactedThinking;
        var arranged = new List<Turn>(turns.Count);
        foreach (var turn in turns)
        {
            if (turn.Blocks.TrueForAll(IsThinking))
            {
                continue;
            }

            Append(arranged, turn.Role, thinking ? turn.Blocks : turn.Blocks.FindAll(b => !IsThinking(b)));
        }

        foreach (var turn in arranged)
        {
            Predicate<Block> leads = turn.Role == "assistant" ? IsThinking : static b => b.Kind == BlockKind.ToolResult;
            var ordered = turn.Blocks.FindAll(leads);
            ordered.AddRange(turn.Blocks.FindAll(b => !leads(b)));
            turn.Blocks.Clear();
            turn.Blocks.AddRange(ordered);
        }

        if (arranged.Count > 0 && arranged[0].Role == "assistant")
        {
            // Anthropic requires the first message to be the user's (a conversation that opens with a greeting).
            arranged.Insert(0, new Turn("user", [new Block(BlockKind.Text, new TextPart(ConversationStart), ConversationStart)]));
        }

        if (arranged.Count > 0 && arranged[^1] is { Role: "assistant" } prefill && prefill.Blocks[^1] is { Kind: BlockKind.Text } last)
        {
            // An answer prefilled by the caller: Anthropic refuses trailing whitespace there.
            prefill.Blocks[^1] = last with { Text = last.Text!.TrimEnd() };
        }

        return arranged;
    }

    private static void WriteTurns(Utf8JsonWriter writer, List<Turn> turns)
    {
        writer.WriteStartArray();
        foreach (var turn in turns)
        {
            writer.WriteStartObject();
            writer.WriteString("role", turn.Role);
            if (turn.Blocks is [{ Kind: BlockKind.Text, Text: var only }])
            {
                writer.WriteString("content", only);
            }
            else
            {
                writer.WriteStartArray("content");
                foreach (var block in turn.Blocks)
                {
                    WriteBlock(writer, block);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteBlock(Utf8JsonWriter writer, Block block)
    {
        switch (block.Kind)
        {
            case BlockKind.Text:
                WriteText(writer, block.Text!);
                break;
            case BlockKind.Image:
                WriteImage(writer, (ImagePart)block.Part);
                break;
            case BlockKind.Document:
                var document = (DocumentPart)block.Part;
                writer.WriteStartObject();
                writer.WriteString("type", "document");
                writer.WriteStartObject("source");
                writer.WriteString("type", "base64");
                writer.WriteString("media_type", "application/pdf");
                writer.WriteBase64String("data", document.Data.Span);
                writer.WriteEndObject();
                writer.WriteString("title", document.Name);
                writer.WriteEndObject();
                break;
            case BlockKind.Thinking:
                var reasoning = (ReasoningPart)block.Part;
                writer.WriteStartObject();
                writer.WriteString("type", "thinking");
                writer.WriteString("thinking", reasoning.Text);
                writer.WriteString("signature", reasoning.Signature);
                writer.WriteEndObject();
                break;
            case BlockKind.RedactedThinking:
                writer.WriteStartObject();
                writer.WriteString("type", "redacted_thinking");
                writer.WriteString("data", ((ReasoningPart)block.Part).RedactedData);
                writer.WriteEndObject();
                break;
            case BlockKind.ToolUse:
                var call = ((ToolCallPart)block.Part).Call;
                writer.WriteStartObject();
                writer.WriteString("type", "tool_use");
                writer.WriteString("id", call.Id);
                writer.WriteString("name", call.Name);
                writer.WritePropertyName("input");
                if (call.TryParseArguments(out var input) && input.ValueKind == JsonValueKind.Object)
                {
                    input.WriteTo(writer);
                }
                else
                {
                    // Cut-off or non-object arguments: Anthropic requires an object.
                    writer.WriteStartObject();
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
                break;
            case BlockKind.ToolResult:
                var result = (ToolResultPart)block.Part;
                writer.WriteStartObject();
                writer.WriteString("type", "tool_result");
                writer.WriteString("tool_use_id", result.ToolCallId);
                writer.WriteString("content", result.Content);
                if (result.IsError)
                {
                    writer.WriteBoolean("is_error", true);
                }

                writer.WriteEndObject();
                break;
        }
    }

    private static void WriteText(Utf8JsonWriter writer, string text)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "text");
        writer.WriteString("text", text);
        writer.WriteEndObject();
    }

    /// <summary>An image as a <c>base64</c> source (bytes or a <c>data:</c> URL) or a <c>url</c> source (http/https).</summary>
    private static void WriteImage(Utf8JsonWriter writer, ImagePart image)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "image");
        writer.WriteStartObject("source");
        if (image.Url is null)
        {
            writer.WriteString("type", "base64");
            writer.WriteString("media_type", image.MediaType);
            writer.WriteBase64String("data", image.Data.Span);
        }
        else if (TrySplitDataUrl(image.Url.OriginalString, out var mediaType, out var data))
        {
            writer.WriteString("type", "base64");
            writer.WriteString("media_type", mediaType);
            writer.WriteString("data", data);
        }
        else
        {
            writer.WriteString("type", "url");
            writer.WriteString("url", image.Url.AbsoluteUri);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void CheckImage(ImagePart image, string providerId)
    {
        if (image.Url is not { } url)
        {
            return;
        }

        var ok = TrySplitDataUrl(url.OriginalString, out _, out _)
            || (url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp));
        if (!ok)
        {
            throw new NxtAIGenProviderException(
                ProviderErrorKind.InvalidRequest, providerId, $"{providerId}: an image URL must be http(s) or a base64 data URL.");
        }
    }

    /// <summary>Splits <c>data:image/png;base64,AAAA</c>.</summary>
    private static bool TrySplitDataUrl(string url, out string mediaType, out string data)
    {
        mediaType = data = string.Empty;
        if (!url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var comma = url.IndexOf(',', StringComparison.Ordinal);
        const string Base64Marker = ";base64";
        if (comma < 0 || !url.AsSpan(0, comma).EndsWith(Base64Marker, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        mediaType = url[5..(comma - Base64Marker.Length)];
        data = url[(comma + 1)..];
        return mediaType.Length > 0;
    }

    private static bool IsNativePdf(DocumentPart document, ChatCapabilities capabilities) =>
        string.Equals(document.MediaType, "application/pdf", StringComparison.OrdinalIgnoreCase)
        && !document.Data.IsEmpty
        && capabilities.HasFlag(ChatCapabilities.Documents);

    private static string DocumentText(DocumentPart document, string providerId)
    {
        var text = DocumentPrompt.GetText(document);
        if (text is null)
        {
            throw new NxtAIGenProviderException(
                ProviderErrorKind.InvalidRequest,
                providerId,
                $"{providerId}: the document '{document.Name}' ({document.MediaType}) cannot be sent: Anthropic reads only PDF natively, here, and no extracted text was given.");
        }

        return DocumentPrompt.Format(document.Name, text);
    }

    /// <summary>One content block before it is written.</summary>
    /// <param name="Kind">What it becomes.</param>
    /// <param name="Part">The part it comes from.</param>
    /// <param name="Text">The text of a text block.</param>
    private readonly record struct Block(BlockKind Kind, ChatPart Part, string? Text = null);

    /// <summary>One turn of alternating roles.</summary>
    private sealed class Turn(string role, List<Block> blocks)
    {
        public string Role { get; } = role;

        public List<Block> Blocks { get; } = [.. blocks];
    }
}
