using System.Text;
using System.Text.Json;
using NxtAIGen.Abstractions;

namespace NxtAIGen.Providers.Cohere.Internal;

/// <summary>The <c>messages</c> array.</summary>
internal static partial class CohereRequestWriter
{
    private static void WriteMessages(Utf8JsonWriter writer, IList<ChatMessage> messages, string providerId)
    {
        writer.WriteStartArray();
        foreach (var message in messages)
        {
            switch (message.Role)
            {
                case ChatRole.System:
                    WriteContentMessage(writer, "system", message, providerId);
                    break;
                case ChatRole.Assistant:
                    WriteAssistantMessage(writer, message);
                    break;
                case ChatRole.User:
                    WriteContentMessage(writer, "user", message, providerId);
                    break;
                default:
                    break; // A tool message carries only results, written below.
            }

            // Tool results become one "tool" message each, whatever role carried them.
            foreach (var part in message.Parts)
            {
                if (part is ToolResultPart result)
                {
                    writer.WriteStartObject();
                    writer.WriteString("role", "tool");
                    writer.WriteString("tool_call_id", result.ToolCallId);
                    writer.WriteString("content", result.Content);
                    writer.WriteEndObject();
                }
            }
        }

        writer.WriteEndArray();
    }

    private static void WriteContentMessage(Utf8JsonWriter writer, string role, ChatMessage message, string providerId)
    {
        var parts = message.Parts;
        var contentCount = 0;
        var onlyText = true;
        foreach (var part in parts)
        {
            switch (part)
            {
                case TextPart:
                    contentCount++;
                    break;
                case ImagePart:
                case DocumentPart:
                    contentCount++;
                    onlyText = false;
                    break;
            }
        }

        if (contentCount == 0 && parts.Count > 0)
        {
            return; // Only tool results or reasoning: nothing more to send.
        }

        writer.WriteStartObject();
        writer.WriteString("role", role);
        if (onlyText)
        {
            writer.WriteString("content", message.Text);
        }
        else if (role == "system")
        {
            // System messages take text only: documents are inlined, images cannot be sent there.
            var text = new StringBuilder();
            foreach (var part in parts)
            {
                switch (part)
                {
                    case TextPart t:
                        text.Append(t.Text);
                        break;
                    case DocumentPart document:
                        text.Append(text.Length > 0 ? "\n\n" : string.Empty).Append(DocumentPrompt.Format(document.Name, DocumentText(document, providerId)));
                        break;
                    case ImagePart:
                        throw new NxtAIGenProviderException(ProviderErrorKind.InvalidRequest, providerId, $"{providerId}: Cohere takes images in user messages only.");
                }
            }

            writer.WriteString("content", text.ToString());
        }
        else
        {
            writer.WriteStartArray("content");
            foreach (var part in parts)
            {
                switch (part)
                {
                    case TextPart text:
                        WriteTextPart(writer, text.Text);
                        break;
                    case ImagePart image:
                        writer.WriteStartObject();
                        writer.WriteString("type", "image_url");
                        writer.WriteStartObject("image_url");
                        writer.WriteString("url", image.ToDataUrl());
                        writer.WriteEndObject();
                        writer.WriteEndObject();
                        break;
                    case DocumentPart document:
                        WriteTextPart(writer, DocumentPrompt.Format(document.Name, DocumentText(document, providerId)));
                        break;
                }
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// An assistant turn: its text as <c>content</c>, or, when it called tools, as the <c>tool_plan</c> that goes with
    /// <c>tool_calls</c> (arguments as JSON text). Earlier reasoning is not sent back.
    /// </summary>
    private static void WriteAssistantMessage(Utf8JsonWriter writer, ChatMessage message)
    {
        var hasToolCalls = message.Parts.Any(p => p is ToolCallPart);
        var hasContent = message.Parts.Any(p => p is TextPart);
        if (!hasToolCalls && !hasContent && message.Parts.Count > 0)
        {
            return; // Reasoning only, or tool results written by the caller.
        }

        writer.WriteStartObject();
        writer.WriteString("role", "assistant");
        if (!hasToolCalls)
        {
            writer.WriteString("content", message.Text);
        }
        else
        {
            if (hasContent)
            {
                writer.WriteString("tool_plan", message.Text);
            }

            writer.WriteStartArray("tool_calls");
            foreach (var part in message.Parts)
            {
                if (part is ToolCallPart { Call: var call })
                {
                    writer.WriteStartObject();
                    writer.WriteString("id", call.Id);
                    writer.WriteString("type", "function");
                    writer.WriteStartObject("function");
                    writer.WriteString("name", call.Name);
                    writer.WriteString("arguments", string.IsNullOrWhiteSpace(call.Arguments) ? "{}" : call.Arguments);
                    writer.WriteEndObject();
                    writer.WriteEndObject();
                }
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteTextPart(Utf8JsonWriter writer, string text)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "text");
        writer.WriteString("text", text);
        writer.WriteEndObject();
    }

    private static string DocumentText(DocumentPart document, string providerId)
    {
        return DocumentPrompt.GetText(document) ?? throw new NxtAIGenProviderException(
            ProviderErrorKind.InvalidRequest,
            providerId,
            $"{providerId}: the document '{document.Name}' ({document.MediaType}) cannot be sent: Cohere reads documents as text and no extracted text was given.");
    }
}
