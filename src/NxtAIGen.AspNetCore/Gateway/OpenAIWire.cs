using System.Text.Encodings.Web;
using System.Text.Json;
using NxtAIGen.Abstractions;

namespace NxtAIGen.AspNetCore.Gateway;

/// <summary>Pieces of OpenAI's Chat Completions wire format shared by the streaming and the single response.</summary>
internal static class OpenAIWire
{
    public static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>OpenAI's finish reasons; NxtAIGen's <c>other</c> has no OpenAI counterpart and is sent as <c>stop</c>.</summary>
    public static string FinishReason(ChatFinishReason reason) => reason switch
    {
        ChatFinishReason.Length => "length",
        ChatFinishReason.ToolCalls => "tool_calls",
        ChatFinishReason.ContentFilter => "content_filter",
        _ => "stop",
    };

    /// <summary>
    /// <c>{"prompt_tokens", "completion_tokens", "total_tokens", "prompt_tokens_details"?, "completion_tokens_details"?}</c>;
    /// a count the provider did not report is 0 (OpenAI's clients expect numbers).
    /// </summary>
    public static void WriteUsage(Utf8JsonWriter json, ChatUsage? usage)
    {
        var input = usage?.InputTokens ?? 0;
        var output = usage?.OutputTokens ?? 0;
        json.WriteStartObject();
        json.WriteNumber("prompt_tokens"u8, input);
        json.WriteNumber("completion_tokens"u8, output);
        json.WriteNumber("total_tokens"u8, input + output);
        if (usage?.CachedInputTokens is { } cached)
        {
            json.WriteStartObject("prompt_tokens_details"u8);
            json.WriteNumber("cached_tokens"u8, cached);
            json.WriteEndObject();
        }

        if (usage?.ReasoningTokens is { } reasoning)
        {
            json.WriteStartObject("completion_tokens_details"u8);
            json.WriteNumber("reasoning_tokens"u8, reasoning);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    /// <summary>One tool call: <c>{"index"?, "id", "type": "function", "function": {"name", "arguments"}}</c>.</summary>
    public static void WriteToolCall(Utf8JsonWriter json, ChatToolCall call, int? index)
    {
        json.WriteStartObject();
        if (index is { } i)
        {
            json.WriteNumber("index"u8, i);
        }

        json.WriteString("id"u8, call.Id);
        json.WriteString("type"u8, "function"u8);
        json.WriteStartObject("function"u8);
        json.WriteString("name"u8, call.Name);
        json.WriteString("arguments"u8, string.IsNullOrEmpty(call.Arguments) ? "{}" : call.Arguments);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
