using System.Text.Json;
using NxtAIGen.Abstractions;

namespace NxtAIGen.Providers.OpenAI.Internal;

/// <summary>The <c>messages</c> array.</summary>
internal static partial class OpenAIRequestWriter
{
    private static void WriteMessages(Utf8JsonWriter writer, IList<ChatMessage> messages, OpenAIPreset preset, string providerId)
    {
        writer.WriteStartArray();
        foreach (var message in messages)
        {
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

            switch (message.Role)
            {
                case ChatRole.System:
                    WriteContentMessage(writer, "system", message, preset, providerId);
                    break;
                case ChatRole.Assistant:
                    WriteAssistantMessage(writer, message);
                    break;
                case ChatRole.User:
                    WriteContentMessage(writer, "user", message, preset, providerId);
                    break;
                default:
                    break; // A tool message carries only results, written above.
            }
        }

        writer.WriteEndArray();
    }

    private static void WriteContentMessage(Utf8JsonWriter writer, string role, ChatMessage message, OpenAIPreset preset, string providerId)
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
                        WriteDocument(writer, document, preset, providerId);
                        break;
                }
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteAssistantMessage(Utf8JsonWriter writer, ChatMessage message)
    {
        var hasToolCalls = message.Parts.Any(p => p is ToolCallPart);
        var hasContent = message.Parts.Any(p => p is TextPart);
        if (!hasToolCalls && !hasContent && message.Parts.Count > 0)
        {
            return; // Reasoning only (it is not sent back) or tool results written before.
        }

        writer.WriteStartObject();
        writer.WriteString("role", "assistant");
        if (hasContent || !hasToolCalls)
        {
            writer.WriteString("content", message.Text);
        }
        else
        {
            writer.WriteNull("content");
        }

        if (hasToolCalls)
        {
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

    private static void WriteDocument(Utf8JsonWriter writer, DocumentPart document, OpenAIPreset preset, string providerId)
    {
        var isPdf = string.Equals(document.MediaType, "application/pdf", StringComparison.OrdinalIgnoreCase);
        if (isPdf && !document.Data.IsEmpty && preset.Capabilities.HasFlag(ChatCapabilities.Documents))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "file");
            writer.WriteStartObject("file");
            writer.WriteString("filename", document.Name);
            writer.WriteString("file_data", string.Concat("data:application/pdf;base64,", Convert.ToBase64String(document.Data.Span)));
            writer.WriteEndObject();
            writer.WriteEndObject();
            return;
        }

        var text = DocumentPrompt.GetText(document);
        if (text is null)
        {
            throw new NxtAIGenProviderException(
                ProviderErrorKind.InvalidRequest,
                providerId,
                $"{providerId}: the document '{document.Name}' ({document.MediaType}) cannot be sent: this provider does not read that format natively and no extracted text was given.");
        }

        WriteTextPart(writer, DocumentPrompt.Format(document.Name, text));
    }
}
