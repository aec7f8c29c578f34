using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text.Encodings.Web;
using System.Text.Json;
using NxtAIGen.Abstractions;

namespace NxtAIGen.AspNetCore.Streaming;

/// <summary>
/// Writes PROTOCOL.md's events straight to the response's <see cref="PipeWriter"/>, flushing each one, and a
/// <c>: ping</c> comment whenever the stream has been silent for the heartbeat interval. After the terminal
/// event (<c>done</c> or <c>error</c>) nothing more is written.
/// </summary>
/// <remarks>
/// <see cref="System.Net.ServerSentEvents.SseFormatter"/> cannot write comment lines, which the heartbeat needs,
/// so frames are written here: <c>id:</c> (the event's sequence number, from 1), <c>event:</c>, one <c>data:</c> line of compact JSON (which never contains a raw
/// line break), and a blank line.
/// </remarks>
internal sealed class SseWriter : IChatStreamWriter
{
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };
    private static readonly byte[] Ping = ": ping\n\n"u8.ToArray();
    private static readonly byte[] StartEvent = "start"u8.ToArray();
    private static readonly byte[] ContentEvent = "content"u8.ToArray();
    private static readonly byte[] ThinkingEvent = "thinking"u8.ToArray();
    private static readonly byte[] ToolCallEvent = "tool_call"u8.ToArray();
    private static readonly byte[] DoneEvent = "done"u8.ToArray();
    private static readonly byte[] ErrorEvent = "error"u8.ToArray();

    private readonly PipeWriter _output;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly Utf8JsonWriter _json;
    private readonly SilenceTimer _heartbeat;
    private readonly CancellationToken _aborted;
    private bool _terminated;
    private long _lastId;

    public SseWriter(PipeWriter output, TimeProvider timeProvider, TimeSpan heartbeatInterval, CancellationToken aborted)
    {
        _output = output;
        _aborted = aborted;
        _json = new Utf8JsonWriter(output, JsonOptions);
        _heartbeat = new SilenceTimer(timeProvider, static state => _ = ((SseWriter)state).PingAsync(), this);
        _heartbeat.Arm(heartbeatInterval);
    }

    /// <summary>Gets whether the terminal event has been written.</summary>
    public bool IsTerminated => _terminated;

    public ValueTask WriteStartAsync(string id, string provider, string model) => WriteAsync(StartEvent, (id, provider, model), static (json, s) =>
    {
        json.WriteString("id"u8, s.id);
        json.WriteString("provider"u8, s.provider);
        json.WriteString("model"u8, s.model);
    });

    public ValueTask WriteContentAsync(string text) =>
        WriteAsync(ContentEvent, text, static (json, t) => json.WriteString("content"u8, t));

    public ValueTask WriteThinkingAsync(string text) =>
        WriteAsync(ThinkingEvent, text, static (json, t) => json.WriteString("thinking"u8, t));

    public ValueTask WriteToolCallAsync(ChatToolCall call) => WriteAsync(ToolCallEvent, call, static (json, c) =>
    {
        json.WriteString("id"u8, c.Id);
        json.WriteString("name"u8, c.Name);
        json.WritePropertyName("arguments"u8);
        if (c.TryParseArguments(out var arguments))
        {
            arguments.WriteTo(json);
        }
        else
        {
            // Cut off by a token limit: say so rather than invent arguments.
            json.WriteNullValue();
            json.WriteString("arguments_raw"u8, c.Arguments);
        }
    });

    public ValueTask WriteDoneAsync(ChatStreamOutcome outcome, Action<Utf8JsonWriter>? writeExtra = null) =>
        WriteAsync(DoneEvent, (outcome, writeExtra), static (json, s) =>
        {
            var o = s.outcome;
            json.WriteBoolean("done"u8, true);
            json.WriteString("finish_reason"u8, FinishReasonText(o.FinishReason));
            json.WriteString("provider"u8, o.Provider);
            if (o.Model is { } model)
            {
                json.WriteString("model"u8, model);
            }
            else
            {
                json.WriteNull("model"u8);
            }

            json.WritePropertyName("usage"u8);
            if (o.Usage is { } usage)
            {
                json.WriteStartObject();
                WriteNumberOrNull(json, "input_tokens"u8, usage.InputTokens);
                WriteNumberOrNull(json, "output_tokens"u8, usage.OutputTokens);
                WriteNumberOrNull(json, "reasoning_tokens"u8, usage.ReasoningTokens);
                WriteNumberOrNull(json, "cached_input_tokens"u8, usage.CachedInputTokens);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNullValue();
            }

            json.WriteNumber("elapsed_ms"u8, (long)o.Elapsed.TotalMilliseconds);
            if (o.TimeToFirstToken is { } ttft)
            {
                json.WriteNumber("ttft_ms"u8, (long)ttft.TotalMilliseconds);
            }
            else
            {
                json.WriteNull("ttft_ms"u8);
            }

            s.writeExtra?.Invoke(json);
        }, terminal: true);

    public ValueTask WriteErrorAsync(string message, string code, TimeSpan? retryAfter) =>
        WriteAsync(ErrorEvent, (message, code, retryAfter), static (json, s) =>
        {
            json.WriteString("error"u8, s.message);
            json.WriteString("code"u8, s.code);
            if (s.retryAfter is { } wait)
            {
                json.WriteNumber("retry_after"u8, Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)));
            }
            else
            {
                json.WriteNull("retry_after"u8);
            }
        }, terminal: true);

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

    internal static string FinishReasonText(ChatFinishReason reason) => reason switch
    {
        ChatFinishReason.Stop => "stop",
        ChatFinishReason.Length => "length",
        ChatFinishReason.ToolCalls => "tool_calls",
        ChatFinishReason.ContentFilter => "content_filter",
        _ => "other",
    };

    private static void WriteNumberOrNull(Utf8JsonWriter json, ReadOnlySpan<byte> name, int? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private async ValueTask WriteAsync<TState>(byte[] eventName, TState state, Action<Utf8JsonWriter, TState> writeData, bool terminal = false)
    {
        await _lock.WaitAsync(_aborted).ConfigureAwait(false);
        try
        {
            if (_terminated)
            {
                throw new InvalidOperationException("The stream already ended with its terminal event.");
            }

            // Every event carries its sequence number as the SSE id (1 for start), for Last-Event-ID on a resume.
            _output.Write("id: "u8);
            var digits = _output.GetSpan(20);
            (++_lastId).TryFormat(digits, out var written, default, CultureInfo.InvariantCulture);
            _output.Advance(written);
            _output.Write("\nevent: "u8);
            _output.Write(eventName);
            _output.Write("\ndata: "u8);
            _json.Reset(_output);
            _json.WriteStartObject();
            writeData(_json, state);
            _json.WriteEndObject();
            _json.Flush();
            _output.Write("\n\n"u8);
            _terminated = terminal;
            Touch(terminal);
            await _output.FlushAsync(_aborted).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Writes a frame recorded earlier (a resumable stream's replay) as it is, with the same heartbeat rules.</summary>
    public async ValueTask WriteFrameAsync(ReadOnlyMemory<byte> frame, bool terminal)
    {
        await _lock.WaitAsync(_aborted).ConfigureAwait(false);
        try
        {
            if (_terminated)
            {
                throw new InvalidOperationException("The stream already ended with its terminal event.");
            }

            _output.Write(frame.Span);
            _terminated = terminal;
            Touch(terminal);
            await _output.FlushAsync(_aborted).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }

    // The heartbeat counts silence from the last event; after the terminal one there is none.
    private void Touch(bool terminal)
    {
        if (terminal)
        {
            _heartbeat.Arm(Timeout.InfiniteTimeSpan);
        }
        else
        {
            _heartbeat.Touch();
        }
    }

    private async Task PingAsync()
    {
        try
        {
            // A write in progress means the stream is not silent: skip this ping rather than queue it.
            if (!_lock.Wait(0))
            {
                return;
            }

            try
            {
                if (_terminated)
                {
                    return;
                }

                _output.Write(Ping);
                await _output.FlushAsync(_aborted).ConfigureAwait(false);
            }
            finally
            {
                _lock.Release();
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The client left or the response ended; the stream loop notices and ends.
        }
    }
}
