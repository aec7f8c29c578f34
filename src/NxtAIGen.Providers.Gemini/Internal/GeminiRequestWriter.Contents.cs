using System.Text.Json;
using NxtAIGen.Abstractions;

namespace NxtAIGen.Providers.Gemini.Internal;

/// <summary>The <c>contents</c> array: roles <c>user</c> and <c>model</c>, consecutive turns of one role merged.</summary>
internal static partial class GeminiRequestWriter
{
    private static void WriteContents(Utf8JsonWriter writer, IList<ChatMessage> messages, string providerId)
    {
        // Tool results go back as functionResponse parts of a user turn and need the function's name:
        // take it from the result, else from the latest call with the same id.
        var callNames = new Dictionary<string, string>(StringComparer.Ordinal);
        string? openRole = null;
        writer.WriteStartArray();
        foreach (var message in messages)
        {
            if (message.Role == ChatRole.System)
            {
                continue; // In systemInstruction.
            }

            var messageRole = message.Role == ChatRole.Assistant ? "model" : "user";
            foreach (var part in message.Parts)
            {
                var role = part is ToolResultPart ? "user" : messageRole;
                if (!Produces(part, role))
                {
                    continue;
                }

                if (role != openRole)
                {
                    if (openRole is not null)
                    {
                        writer.WriteEndArray();
                        writer.WriteEndObject();
                    }

                    writer.WriteStartObject();
                    writer.WriteString("role", role);
                    writer.WriteStartArray("parts");
                    openRole = role;
                }

                WritePart(writer, part, role, callNames, providerId);
            }
        }

        if (openRole is not null)
        {
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>Whether a part becomes a wire part: empty text and unsigned reasoning (Gemini reads nothing from it) do not.</summary>
    private static bool Produces(ChatPart part, string role) => part switch
    {
        TextPart text => text.Text.Length > 0,
        ReasoningPart reasoning => role == "model" && !string.IsNullOrEmpty(reasoning.Signature),
        ToolCallPart => role == "model",
        _ => true,
    };

    private static void WritePart(Utf8JsonWriter writer, ChatPart part, string role, Dictionary<string, string> callNames, string providerId)
    {
        switch (part)
        {
            case TextPart text:
                writer.WriteStartObject();
                writer.WriteString("text", text.Text);
                writer.WriteEndObject();
                break;
            case ReasoningPart reasoning:
                writer.WriteStartObject();
                writer.WriteString("text", reasoning.Text);
                if (reasoning.Text.Length > 0)
                {
                    writer.WriteBoolean("thought", true);
                }

                writer.WriteString("thoughtSignature", reasoning.Signature);
                writer.WriteEndObject();
                break;
            case ToolCallPart { Call: var call }:
                callNames[call.Id] = call.Name;
                writer.WriteStartObject();
                writer.WriteStartObject("functionCall");
                writer.WriteString("name", call.Name);
                writer.WritePropertyName("args");
                WriteArguments(writer, call.Arguments);
                writer.WriteEndObject();
                if (!string.IsNullOrEmpty(call.Signature))
                {
                    writer.WriteString("thoughtSignature", call.Signature);
                }

                writer.WriteEndObject();
                break;
            case ToolResultPart result:
                WriteFunctionResponse(writer, result, callNames, providerId);
                break;
            case ImagePart image:
                WriteImage(writer, image);
                break;
            case DocumentPart document:
                WriteDocument(writer, document, providerId);
                break;
            default:
                throw new NxtAIGenProviderException(
                    ProviderErrorKind.InvalidRequest, providerId, $"{providerId}: a {part.GetType().Name} cannot be sent in a {role} turn.");
        }
    }

    private static void WriteArguments(Utf8JsonWriter writer, string arguments)
    {
        if (!string.IsNullOrWhiteSpace(arguments))
        {
            try
            {
                using var document = JsonDocument.Parse(arguments);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    document.RootElement.WriteTo(writer);
                    return;
                }
            }
            catch (JsonException)
            {
                // Arguments cut by a token limit: send none rather than fail the whole conversation.
            }
        }

        writer.WriteStartObject();
        writer.WriteEndObject();
    }

    private static void WriteFunctionResponse(Utf8JsonWriter writer, ToolResultPart result, Dictionary<string, string> callNames, string providerId)
    {
        var name = result.Name;
        if (string.IsNullOrEmpty(name) && !callNames.TryGetValue(result.ToolCallId, out name))
        {
            throw new NxtAIGenProviderException(
                ProviderErrorKind.InvalidRequest,
                providerId,
                $"{providerId}: the tool result for call '{result.ToolCallId}' has no function name and no earlier call with that id.");
        }

        writer.WriteStartObject();
        writer.WriteStartObject("functionResponse");
        writer.WriteString("name", name);
        writer.WriteStartObject("response");
        JsonDocument? parsed = null;
        try
        {
            try
            {
                parsed = JsonDocument.Parse(result.Content);
            }
            catch (JsonException)
            {
                // Plain text.
            }

            if (parsed?.RootElement is { ValueKind: JsonValueKind.Object } obj && !result.IsError)
            {
                foreach (var member in obj.EnumerateObject())
                {
                    member.WriteTo(writer);
                }
            }
            else
            {
                writer.WritePropertyName(result.IsError ? "error" : "result");
                if (parsed is not null)
                {
                    parsed.RootElement.WriteTo(writer);
                }
                else
                {
                    writer.WriteStringValue(result.Content);
                }
            }
        }
        finally
        {
            parsed?.Dispose();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteImage(Utf8JsonWriter writer, ImagePart image)
    {
        if (image.Url is null)
        {
            WriteInlineData(writer, image.MediaType, Convert.ToBase64String(image.Data.Span));
            return;
        }

        var url = image.Url.OriginalString;
        if (url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            var comma = url.IndexOf(',', StringComparison.Ordinal);
            var header = comma > 5 ? url[5..comma] : string.Empty;
            var semicolon = header.IndexOf(';', StringComparison.Ordinal);
            var mediaType = semicolon >= 0 ? header[..semicolon] : header;
            if (comma > 0 && header.EndsWith(";base64", StringComparison.OrdinalIgnoreCase))
            {
                WriteInlineData(writer, mediaType.Length > 0 ? mediaType : image.MediaType, url[(comma + 1)..]);
                return;
            }
        }

        writer.WriteStartObject();
        writer.WriteStartObject("fileData");
        var type = image.MediaType.EndsWith("/*", StringComparison.Ordinal) ? GuessImageType(image.Url) : image.MediaType;
        if (type is not null)
        {
            writer.WriteString("mimeType", type);
        }

        writer.WriteString("fileUri", url);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static string? GuessImageType(Uri url)
    {
        var path = url.IsAbsoluteUri ? url.AbsolutePath : url.OriginalString;
        return Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".PNG" => "image/png",
            ".JPG" or ".JPEG" => "image/jpeg",
            ".GIF" => "image/gif",
            ".WEBP" => "image/webp",
            ".HEIC" => "image/heic",
            ".HEIF" => "image/heif",
            _ => null,
        };
    }

    private static void WriteInlineData(Utf8JsonWriter writer, string mediaType, string base64)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("inlineData");
        writer.WriteString("mimeType", mediaType);
        writer.WriteString("data", base64);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteDocument(Utf8JsonWriter writer, DocumentPart document, string providerId)
    {
        if (string.Equals(document.MediaType, "application/pdf", StringComparison.OrdinalIgnoreCase) && !document.Data.IsEmpty)
        {
            WriteInlineData(writer, "application/pdf", Convert.ToBase64String(document.Data.Span));
            return;
        }

        var text = DocumentPrompt.GetText(document);
        if (text is null)
        {
            throw new NxtAIGenProviderException(
                ProviderErrorKind.InvalidRequest,
                providerId,
                $"{providerId}: the document '{document.Name}' ({document.MediaType}) cannot be sent: Gemini reads PDFs natively, other formats need their extracted text.");
        }

        writer.WriteStartObject();
        writer.WriteString("text", DocumentPrompt.Format(document.Name, text));
        writer.WriteEndObject();
    }
}
