using System.Buffers;
using System.Diagnostics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace NxtAIGen.Abstractions.Internal;

/// <summary>The span, metrics and log of one generation, fed chunk by chunk.</summary>
internal sealed partial class GenerationTelemetry
{
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly GenAITelemetry _telemetry;
    private readonly string _providerId;
    private readonly string _providerName;
    private readonly string? _requestModel;
    private readonly string? _serverAddress;
    private readonly int? _serverPort;
    private readonly bool _captureContent;
    private Activity? _activity;
    private long _startedAt;
    private bool _sawFirstChunk;
    private bool _ended;
    private string? _errorType;
    private string? _responseModel;
    private string? _responseId;
    private ChatUsage? _usage;
    private ChatFinishReason? _finishReason;
    private StringBuilder? _text;
    private StringBuilder? _reasoning;
    private List<ChatToolCall>? _calls;

    public GenerationTelemetry(GenAITelemetry telemetry, string providerId, string providerName, string? requestModel, string? serverAddress, int? serverPort)
    {
        _telemetry = telemetry;
        _providerId = providerId;
        _providerName = providerName;
        _requestModel = requestModel;
        _serverAddress = serverAddress;
        _serverPort = serverPort;
        _captureContent = telemetry.CaptureContent;
    }

    public void Start(ChatRequest request)
    {
        _startedAt = _telemetry.TimeProvider.GetTimestamp();
        _activity = _telemetry.ActivitySource.StartActivity(_requestModel is null ? "chat" : "chat " + _requestModel, ActivityKind.Client);
        if (_activity is not { IsAllDataRequested: true } activity)
        {
            return;
        }

        activity.SetTag("gen_ai.operation.name", "chat");
        activity.SetTag("gen_ai.provider.name", _providerName);
        activity.SetTag("gen_ai.system", _providerName);
        activity.SetTag(NxtAIGenDiagnostics.ProviderIdAttribute, _providerId);
        activity.SetTag("gen_ai.request.model", _requestModel);
        activity.SetTag("gen_ai.request.max_tokens", request.MaxOutputTokens);
        activity.SetTag("gen_ai.request.temperature", request.Temperature);
        activity.SetTag("gen_ai.request.top_p", request.TopP);
        if (request.StopSequences is { Count: > 0 } stops)
        {
            activity.SetTag("gen_ai.request.stop_sequences", stops.ToArray());
        }

        if (_serverAddress is not null)
        {
            activity.SetTag("server.address", _serverAddress);
            activity.SetTag("server.port", _serverPort);
        }

        if (_captureContent)
        {
            activity.SetTag("gen_ai.input.messages", InputMessagesJson(request));
            if (request.Tools is { Count: > 0 } tools)
            {
                activity.SetTag("gen_ai.tool.definitions", ToolsJson(tools));
            }
        }
    }

    public void Observe(in ChatChunk chunk)
    {
        switch (chunk.Kind)
        {
            case ChatChunkKind.Metadata:
                _responseModel = chunk.Metadata!.Model ?? _responseModel;
                _responseId = chunk.Metadata.ResponseId ?? _responseId;
                return;
            case ChatChunkKind.Usage:
                _usage = chunk.Usage;
                return;
            case ChatChunkKind.Finish:
                _finishReason = chunk.FinishReason;
                return;
            case ChatChunkKind.Text or ChatChunkKind.Refusal or ChatChunkKind.Reasoning or ChatChunkKind.ToolCall:
                if (!_sawFirstChunk)
                {
                    _sawFirstChunk = true;
                    _telemetry.TimeToFirstChunk.Record(_telemetry.TimeProvider.GetElapsedTime(_startedAt).TotalSeconds, MetricTags(withError: false));
                }

                if (_captureContent)
                {
                    Capture(chunk);
                }

                return;
        }
    }

    public void Fail(Exception exception)
    {
        _errorType = exception switch
        {
            NxtAIGenProviderException provider => ErrorType(provider.Kind),
            _ => exception.GetType().FullName ?? "_OTHER",
        };
        if (_activity is { } activity)
        {
            activity.SetStatus(ActivityStatusCode.Error, exception is NxtAIGenProviderException ? exception.Message : exception.GetType().Name);
        }
    }

    public void End()
    {
        if (_ended)
        {
            return;
        }

        _ended = true;
        var elapsed = _telemetry.TimeProvider.GetElapsedTime(_startedAt);
        var tags = MetricTags(withError: true);
        _telemetry.OperationDuration.Record(elapsed.TotalSeconds, tags);
        if (_usage?.InputTokens is { } input)
        {
            var inputTags = MetricTags(withError: false);
            inputTags.Add("gen_ai.token.type", "input");
            _telemetry.TokenUsage.Record(input, inputTags);
        }

        if (_usage?.OutputTokens is { } output)
        {
            var outputTags = MetricTags(withError: false);
            outputTags.Add("gen_ai.token.type", "output");
            _telemetry.TokenUsage.Record(output, outputTags);
        }

        if (_activity is { } activity)
        {
            if (activity.IsAllDataRequested)
            {
                activity.SetTag("gen_ai.response.model", _responseModel);
                activity.SetTag("gen_ai.response.id", _responseId);
                if (_finishReason is { } reason)
                {
                    activity.SetTag("gen_ai.response.finish_reasons", new[] { FinishReasonText(reason) });
                }

                activity.SetTag("gen_ai.usage.input_tokens", _usage?.InputTokens);
                activity.SetTag("gen_ai.usage.output_tokens", _usage?.OutputTokens);
                activity.SetTag("error.type", _errorType);
                if (_captureContent)
                {
                    activity.SetTag("gen_ai.output.messages", OutputMessagesJson());
                }
            }

            activity.Dispose();
        }

        var model = _responseModel ?? _requestModel;
        if (_errorType is null)
        {
            Log.GenerationEnded(_telemetry.Logger, _providerId, model, _finishReason, (long)elapsed.TotalMilliseconds, _usage?.InputTokens, _usage?.OutputTokens);
        }
        else
        {
            Log.GenerationFailed(_telemetry.Logger, _providerId, model, _errorType, (long)elapsed.TotalMilliseconds);
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

    private static string ErrorType(ProviderErrorKind kind) => kind switch
    {
        ProviderErrorKind.RateLimited => "rate_limited",
        ProviderErrorKind.NotFound => "not_found",
        ProviderErrorKind.InvalidRequest => "invalid_request",
        ProviderErrorKind.ContentFilter => "content_filter",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private TagList MetricTags(bool withError)
    {
        var tags = new TagList
        {
            { "gen_ai.operation.name", "chat" },
            { "gen_ai.provider.name", _providerName },
            { "gen_ai.request.model", _requestModel },
        };
        if (_responseModel is not null)
        {
            tags.Add("gen_ai.response.model", _responseModel);
        }

        if (_serverAddress is not null)
        {
            tags.Add("server.address", _serverAddress);
            tags.Add("server.port", _serverPort);
        }

        if (withError && _errorType is not null)
        {
            tags.Add("error.type", _errorType);
        }

        return tags;
    }

    private void Capture(in ChatChunk chunk)
    {
        switch (chunk.Kind)
        {
            case ChatChunkKind.Text or ChatChunkKind.Refusal:
                (_text ??= new()).Append(chunk.Text);
                break;
            case ChatChunkKind.Reasoning:
                (_reasoning ??= new()).Append(chunk.Text);
                break;
            case ChatChunkKind.ToolCall:
                (_calls ??= []).Add(chunk.ToolCall!);
                break;
        }
    }

    private static string InputMessagesJson(ChatRequest request) => WriteJson(request, static (json, r) =>
    {
        json.WriteStartArray();
        foreach (var message in r.Messages)
        {
            json.WriteStartObject();
            json.WriteString("role"u8, message.Role.ToString().ToLowerInvariant());
            json.WriteStartArray("parts"u8);
            foreach (var part in message.Parts)
            {
                json.WriteStartObject();
                switch (part)
                {
                    case TextPart text:
                        json.WriteString("type"u8, "text"u8);
                        json.WriteString("content"u8, text.Text);
                        break;
                    case ReasoningPart reasoning:
                        json.WriteString("type"u8, "reasoning"u8);
                        json.WriteString("content"u8, reasoning.Text);
                        break;
                    case ToolCallPart call:
                        json.WriteString("type"u8, "tool_call"u8);
                        json.WriteString("id"u8, call.Call.Id);
                        json.WriteString("name"u8, call.Call.Name);
                        json.WriteString("arguments"u8, call.Call.Arguments);
                        break;
                    case ToolResultPart result:
                        json.WriteString("type"u8, "tool_call_response"u8);
                        json.WriteString("id"u8, result.ToolCallId);
                        json.WriteString("response"u8, result.Content);
                        break;
                    case ImagePart image:
                        // The bytes stay out of traces; the kind and type say what was sent.
                        json.WriteString("type"u8, "blob"u8);
                        json.WriteString("modality"u8, "image"u8);
                        json.WriteString("mime_type"u8, image.MediaType);
                        break;
                    case DocumentPart document:
                        json.WriteString("type"u8, "blob"u8);
                        json.WriteString("mime_type"u8, document.MediaType);
                        json.WriteString("name"u8, document.Name);
                        break;
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    });

    private static string ToolsJson(IList<ChatToolDefinition> tools) => WriteJson(tools, static (json, list) =>
    {
        json.WriteStartArray();
        foreach (var tool in list)
        {
            json.WriteStartObject();
            json.WriteString("type"u8, "function"u8);
            json.WriteString("name"u8, tool.Name);
            if (tool.Description is not null)
            {
                json.WriteString("description"u8, tool.Description);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    });

    private string OutputMessagesJson() => WriteJson(this, static (json, self) =>
    {
        json.WriteStartArray();
        json.WriteStartObject();
        json.WriteString("role"u8, "assistant"u8);
        json.WriteStartArray("parts"u8);
        if (self._reasoning is { Length: > 0 } reasoning)
        {
            json.WriteStartObject();
            json.WriteString("type"u8, "reasoning"u8);
            json.WriteString("content"u8, reasoning.ToString());
            json.WriteEndObject();
        }

        if (self._text is { Length: > 0 } text)
        {
            json.WriteStartObject();
            json.WriteString("type"u8, "text"u8);
            json.WriteString("content"u8, text.ToString());
            json.WriteEndObject();
        }

        foreach (var call in self._calls ?? [])
        {
            json.WriteStartObject();
            json.WriteString("type"u8, "tool_call"u8);
            json.WriteString("id"u8, call.Id);
            json.WriteString("name"u8, call.Name);
            json.WriteString("arguments"u8, call.Arguments);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (self._finishReason is { } reason)
        {
            json.WriteString("finish_reason"u8, FinishReasonText(reason));
        }

        json.WriteEndObject();
        json.WriteEndArray();
    });

    private static string WriteJson<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            write(json, state);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static partial class Log
    {
        [LoggerMessage(100, LogLevel.Debug, "Generation with {Provider} ({Model}) ended: {FinishReason} in {DurationMs} ms; tokens in {InputTokens}, out {OutputTokens}.")]
        public static partial void GenerationEnded(ILogger logger, string provider, string? model, ChatFinishReason? finishReason, long durationMs, int? inputTokens, int? outputTokens);

        [LoggerMessage(101, LogLevel.Debug, "Generation with {Provider} ({Model}) failed after {DurationMs} ms: {ErrorType}.")]
        public static partial void GenerationFailed(ILogger logger, string provider, string? model, string errorType, long durationMs);
    }
}
