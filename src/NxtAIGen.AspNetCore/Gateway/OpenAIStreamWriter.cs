using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using NxtAIGen.Abstractions;
using NxtAIGen.AspNetCore.Streaming;

namespace NxtAIGen.AspNetCore.Gateway;

/// <summary>
/// Writes a generation as OpenAI's <c>chat.completion.chunk</c> stream: <c>data: {json}</c> frames, the first with the
/// assistant role, then content, <c>reasoning_content</c> and <c>tool_calls</c> deltas, a chunk with the finish reason,
/// the usage-only chunk (<c>choices: []</c>) when <c>stream_options.include_usage</c> asks for it, and <c>data: [DONE]</c>.
/// </summary>
/// <remarks>
/// The response starts with the first content (after the runner's retries), so a refusal before that (a provider's 429,
/// say) is still a real status code with an OpenAI error body. A failure after it is an <c>{"error": …}</c> frame that
/// ends the stream (no <c>[DONE]</c>). While the provider is silent, <c>: ping</c> comments keep proxies from closing it.
/// </remarks>
internal sealed class OpenAIStreamWriter : IChatStreamWriter
{
    private static readonly byte[] Ping = ": ping\n\n"u8.ToArray();

    private readonly HttpContext _context;
    private readonly PipeWriter _output;
    private readonly Utf8JsonWriter _json;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly SilenceTimer _heartbeat;
    private readonly TimeSpan _heartbeatInterval;
    private string _model;
    private readonly bool _includeUsage;
    private readonly long _created;
    private string _id = string.Empty;
    private int _toolCalls;
    private bool _started;
    private bool _terminated;

    public OpenAIStreamWriter(HttpContext context, TimeProvider timeProvider, TimeSpan heartbeatInterval, string model, bool includeUsage)
    {
        _context = context;
        _output = context.Response.BodyWriter;
        _json = new Utf8JsonWriter(_output, OpenAIWire.JsonOptions);
        _heartbeatInterval = heartbeatInterval;
        _model = model;
        _includeUsage = includeUsage;
        _created = timeProvider.GetUtcNow().ToUnixTimeSeconds();
        _heartbeat = new SilenceTimer(timeProvider, static state => _ = ((OpenAIStreamWriter)state).PingAsync(), this);
    }

    public bool IsTerminated => _terminated;

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

    public ValueTask WriteContentAsync(string text) => WriteChunkAsync(text, static (json, t) => json.WriteString("content"u8, t));

    public ValueTask WriteThinkingAsync(string text) => WriteChunkAsync(text, static (json, t) => json.WriteString("reasoning_content"u8, t));

    public ValueTask WriteToolCallAsync(ChatToolCall call) => WriteChunkAsync((call, index: _toolCalls++), static (json, s) =>
    {
        json.WriteStartArray("tool_calls"u8);
        OpenAIWire.WriteToolCall(json, s.call, s.index);
        json.WriteEndArray();
    });

    public async ValueTask WriteDoneAsync(ChatStreamOutcome outcome, Action<Utf8JsonWriter>? writeExtra = null)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        await EnterAsync().ConfigureAwait(false);
        try
        {
            await StartIfNeededAsync().ConfigureAwait(false);
            WriteFrame((this, outcome.FinishReason), static (json, s) =>
            {
                s.Item1.WriteChunkHead(json);
                json.WriteStartArray("choices"u8);
                json.WriteStartObject();
                json.WriteNumber("index"u8, 0);
                json.WriteStartObject("delta"u8);
                json.WriteEndObject();
                json.WriteNull("logprobs"u8);
                json.WriteString("finish_reason"u8, OpenAIWire.FinishReason(s.FinishReason));
                json.WriteEndObject();
                json.WriteEndArray();
                if (s.Item1._includeUsage)
                {
                    json.WriteNull("usage"u8);
                }
            });
            if (_includeUsage)
            {
                WriteFrame((this, outcome.Usage), static (json, s) =>
                {
                    s.Item1.WriteChunkHead(json);
                    json.WriteStartArray("choices"u8);
                    json.WriteEndArray();
                    json.WritePropertyName("usage"u8);
                    OpenAIWire.WriteUsage(json, s.Usage);
                });
            }

            _output.Write("data: [DONE]\n\n"u8);
            _terminated = true;
            await _output.FlushAsync(_context.RequestAborted).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }

    public async ValueTask WriteErrorAsync(string message, string code, TimeSpan? retryAfter)
    {
        var error = OpenAIError.FromStreamError(message, code, retryAfter);
        await EnterAsync().ConfigureAwait(false);
        try
        {
            _terminated = true;
            if (!_started && !_context.Response.HasStarted)
            {
                await error.ExecuteAsync(_context).ConfigureAwait(false);
                return;
            }

            WriteFrame(error, static (json, e) =>
            {
                json.WriteStartObject("error"u8);
                json.WriteString("message"u8, e.Message);
                json.WriteString("type"u8, e.Type);
                json.WriteNull("param"u8);
                if (e.Code is null)
                {
                    json.WriteNull("code"u8);
                }
                else
                {
                    json.WriteString("code"u8, e.Code);
                }

                json.WriteEndObject();
            });
            await _output.FlushAsync(_context.RequestAborted).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _heartbeat.DisposeAsync().ConfigureAwait(false);
        await _lock.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            _terminated = true;
            await _json.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
            _lock.Dispose();
        }
    }

    private async ValueTask WriteChunkAsync<TState>(TState state, Action<Utf8JsonWriter, TState> writeDelta)
    {
        await EnterAsync().ConfigureAwait(false);
        try
        {
            await StartIfNeededAsync().ConfigureAwait(false);
            WriteDelta(state, writeDelta);
            _heartbeat.Touch();
            await _output.FlushAsync(_context.RequestAborted).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }

    private async ValueTask EnterAsync()
    {
        await _lock.WaitAsync(_context.RequestAborted).ConfigureAwait(false);
        if (_terminated)
        {
            _lock.Release();
            throw new InvalidOperationException("The stream already ended.");
        }
    }

    /// <summary>Sends the headers and the role chunk, once.</summary>
    private async ValueTask StartIfNeededAsync()
    {
        if (_started)
        {
            return;
        }

        _started = true;
        var response = _context.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        _context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await response.StartAsync(_context.RequestAborted).ConfigureAwait(false);
        _heartbeat.Arm(_heartbeatInterval);
        WriteDelta(0, static (json, _) =>
        {
            json.WriteString("role"u8, "assistant"u8);
            json.WriteString("content"u8, string.Empty);
        });
    }

    private void WriteDelta<TState>(TState state, Action<Utf8JsonWriter, TState> writeDelta) =>
        WriteFrame((this, state, writeDelta), static (json, s) =>
        {
            s.Item1.WriteChunkHead(json);
            json.WriteStartArray("choices"u8);
            json.WriteStartObject();
            json.WriteNumber("index"u8, 0);
            json.WriteStartObject("delta"u8);
            s.writeDelta(json, s.state);
            json.WriteEndObject();
            json.WriteNull("logprobs"u8);
            json.WriteNull("finish_reason"u8);
            json.WriteEndObject();
            json.WriteEndArray();
            if (s.Item1._includeUsage)
            {
                json.WriteNull("usage"u8);
            }
        });

    private void WriteChunkHead(Utf8JsonWriter json)
    {
        json.WriteString("id"u8, _id);
        json.WriteString("object"u8, "chat.completion.chunk"u8);
        json.WriteNumber("created"u8, _created);
        json.WriteString("model"u8, _model);
    }

    private void WriteFrame<TState>(TState state, Action<Utf8JsonWriter, TState> writeObject)
    {
        _output.Write("data: "u8);
        _json.Reset(_output);
        _json.WriteStartObject();
        writeObject(_json, state);
        _json.WriteEndObject();
        _json.Flush();
        _output.Write("\n\n"u8);
    }

    private async Task PingAsync()
    {
        try
        {
            if (!_lock.Wait(0))
            {
                return;
            }

            try
            {
                if (_terminated || !_started)
                {
                    return;
                }

                _output.Write(Ping);
                await _output.FlushAsync(_context.RequestAborted).ConfigureAwait(false);
            }
            finally
            {
                _lock.Release();
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The client left or the response ended; the runner notices and ends.
        }
    }
}
