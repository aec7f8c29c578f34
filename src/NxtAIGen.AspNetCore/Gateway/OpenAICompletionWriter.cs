using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using NxtAIGen.Abstractions;
using NxtAIGen.AspNetCore.Streaming;

namespace NxtAIGen.AspNetCore.Gateway;

/// <summary>
/// Collects a generation and answers with one OpenAI <c>chat.completion</c> object when it ends (or an OpenAI error
/// body with a real status code when it fails): what <c>"stream": false</c> asks for.
/// </summary>
internal sealed class OpenAICompletionWriter : IChatStreamWriter
{
    private readonly HttpContext _context;
    private string _model;
    private readonly long _created;
    private readonly StringBuilder _content = new();
    private readonly StringBuilder _reasoning = new();
    private readonly List<ChatToolCall> _toolCalls = [];
    private string _id = string.Empty;

    public OpenAICompletionWriter(HttpContext context, TimeProvider timeProvider, string model)
    {
        _context = context;
        _model = model;
        _created = timeProvider.GetUtcNow().ToUnixTimeSeconds();
    }

    public bool IsTerminated { get; private set; }

    public ValueTask WriteStartAsync(string id, string provider, string model)
    {
        _id = "chatcmpl-" + id;
        return ValueTask.CompletedTask;
    }

    /// <summary>A fallback answers: the chunks name it (<c>provider/model</c>), as the SSE endpoint's <c>done</c> does.</summary>
    public ValueTask AnsweredByAsync(string provider, string? model)
    {
        _model = model is null ? provider : provider + "/" + model;
        return ValueTask.CompletedTask;
    }

    public ValueTask WriteContentAsync(string text)
    {
        _content.Append(text);
        return ValueTask.CompletedTask;
    }

    public ValueTask WriteThinkingAsync(string text)
    {
        _reasoning.Append(text);
        return ValueTask.CompletedTask;
    }

    public ValueTask WriteToolCallAsync(ChatToolCall call)
    {
        _toolCalls.Add(call);
        return ValueTask.CompletedTask;
    }

    public async ValueTask WriteDoneAsync(ChatStreamOutcome outcome, Action<Utf8JsonWriter>? writeExtra = null)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        IsTerminated = true;
        var response = _context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        var json = new Utf8JsonWriter(response.BodyWriter, OpenAIWire.JsonOptions);
        await using (json.ConfigureAwait(false))
        {
            json.WriteStartObject();
            json.WriteString("id"u8, _id);
            json.WriteString("object"u8, "chat.completion"u8);
            json.WriteNumber("created"u8, _created);
            json.WriteString("model"u8, _model);
            json.WriteStartArray("choices"u8);
            json.WriteStartObject();
            json.WriteNumber("index"u8, 0);
            json.WriteStartObject("message"u8);
            json.WriteString("role"u8, "assistant"u8);
            if (_content.Length == 0 && _toolCalls.Count > 0)
            {
                json.WriteNull("content"u8);
            }
            else
            {
                json.WriteString("content"u8, _content.ToString());
            }

            json.WriteNull("refusal"u8);
            if (_reasoning.Length > 0)
            {
                json.WriteString("reasoning_content"u8, _reasoning.ToString());
            }

            if (_toolCalls.Count > 0)
            {
                json.WriteStartArray("tool_calls"u8);
                foreach (var call in _toolCalls)
                {
                    OpenAIWire.WriteToolCall(json, call, index: null);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
            json.WriteNull("logprobs"u8);
            json.WriteString("finish_reason"u8, OpenAIWire.FinishReason(outcome.FinishReason));
            json.WriteEndObject();
            json.WriteEndArray();
            json.WritePropertyName("usage"u8);
            OpenAIWire.WriteUsage(json, outcome.Usage);
            json.WriteEndObject();
        }

        await response.BodyWriter.FlushAsync(_context.RequestAborted).ConfigureAwait(false);
    }

    public async ValueTask WriteErrorAsync(string message, string code, TimeSpan? retryAfter)
    {
        IsTerminated = true;
        if (!_context.Response.HasStarted)
        {
            await OpenAIError.FromStreamError(message, code, retryAfter).ExecuteAsync(_context).ConfigureAwait(false);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
