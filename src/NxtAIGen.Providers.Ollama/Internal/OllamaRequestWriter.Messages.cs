using System.Text;
using System.Text.Json;
using NxtAIGen.Abstractions;

namespace NxtAIGen.Providers.Ollama.Internal;

/// <summary>The <c>messages</c> array.</summary>
internal static partial class OllamaRequestWriter
{
    private static void WriteMessages(Utf8JsonWriter writer, IList<ChatMessage> messages, string providerId)
    {
        // Ollama answers tool results by function name: remember which call id named which function.
        var callNames = new Dictionary<string, string>(StringComparer.Ordinal);
        writer.WriteStartArray();
        foreach (var message in messages)
        {
            switch (message.Role)
            {
                case ChatRole.System:
                    WriteContentMessage(writer, "system", message, providerId);
                    break;
                case ChatRole.Assistant:
                    WriteAssistantMessage(writer, message, callNames);
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
                    writer.WriteString("content", result.Content);
                    var name = result.Name ?? callNames.GetValueOrDefault(result.ToolCallId);
                    if (name is not null)
                    {
                        writer.WriteString("tool_name", name);
                    }

                    writer.WriteEndObject();
                }
            }
        }

        writer.WriteEndArray();
    }

    private static void WriteContentMessage(Utf8JsonWriter writer, string role, ChatMessage message, string providerId)
    {
        var content = new StringBuilder();
        List<string>? images = null;
        var hasContent = false;
        foreach (var part in message.Parts)
        {
            switch (part)
            {
                case TextPart text:
                    content.Append(text.Text);
                    hasContent = true;
                    break;
                case DocumentPart document:
                    if (content.Length > 0)
                    {
                        content.Append("\n\n");
                    }

                    content.Append(DocumentPrompt.Format(document.Name, DocumentText(document, providerId)));
                    hasContent = true;
                    break;
                case ImagePart image:
                    (images ??= []).Add(ImageBase64(image, providerId));
                    hasContent = true;
                    break;
            }
        }

        if (!hasContent && message.Parts.Count > 0)
        {
            return; // Only tool results or reasoning: nothing more to send.
        }

        writer.WriteStartObject();
        writer.WriteString("role", role);
        writer.WriteString("content", content.ToString());
        if (images is not null)
        {
            writer.WriteStartArray("images");
            foreach (var image in images)
            {
                writer.WriteStringValue(image);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteAssistantMessage(Utf8JsonWriter writer, ChatMessage message, Dictionary<string, string> callNames)
    {
        var thinking = string.Concat(message.Parts.OfType<ReasoningPart>().Select(p => p.Text));
        var calls = message.Parts.OfType<ToolCallPart>().Select(p => p.Call).ToList();
        var hasText = message.Parts.Any(p => p is TextPart);
        if (!hasText && calls.Count == 0 && thinking.Length == 0 && message.Parts.Count > 0)
        {
            return; // Tool results only, written by the caller.
        }

        writer.WriteStartObject();
        writer.WriteString("role", "assistant");
        writer.WriteString("content", message.Text);
        if (thinking.Length > 0)
        {
            writer.WriteString("thinking", thinking);
        }

        if (calls.Count > 0)
        {
            writer.WriteStartArray("tool_calls");
            foreach (var call in calls)
            {
                callNames[call.Id] = call.Name;
                writer.WriteStartObject();
                writer.WriteStartObject("function");
                writer.WriteString("name", call.Name);
                writer.WritePropertyName("arguments");
                if (call.TryParseArguments(out var arguments) && arguments.ValueKind == JsonValueKind.Object)
                {
                    arguments.WriteTo(writer);
                }
                else
                {
                    writer.WriteStartObject();
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>Ollama takes images as bare base64 (no data-URL prefix); it cannot fetch URLs.</summary>
    private static string ImageBase64(ImagePart image, string providerId)
    {
        if (image.Url is null)
        {
            return Convert.ToBase64String(image.Data.Span);
        }

        var url = image.Url.OriginalString;
        const string Marker = ";base64,";
        var at = url.IndexOf(Marker, StringComparison.OrdinalIgnoreCase);
        if (url.StartsWith("data:", StringComparison.OrdinalIgnoreCase) && at >= 0)
        {
            return url[(at + Marker.Length)..];
        }

        throw new NxtAIGenProviderException(
            ProviderErrorKind.InvalidRequest,
            providerId,
            $"{providerId}: Ollama takes images as bytes; an image given by URL cannot be sent.");
    }

    private static string DocumentText(DocumentPart document, string providerId)
    {
        return DocumentPrompt.GetText(document) ?? throw new NxtAIGenProviderException(
            ProviderErrorKind.InvalidRequest,
            providerId,
            $"{providerId}: the document '{document.Name}' ({document.MediaType}) cannot be sent: Ollama reads documents as text and no extracted text was given.");
    }
}
