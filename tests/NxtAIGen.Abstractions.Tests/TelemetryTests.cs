using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;
using NxtAIGen.Abstractions;
using NxtAIGen.Testing;

namespace NxtAIGen.Tests;

/// <summary>Every provider from the registry (a custom one here) gets the GenAI span and metrics; content only when enabled.</summary>
public sealed class TelemetryTests : IDisposable
{
    private const string Prompt = "my secret prompt about pancakes";
    private const string Answer = "the confidential answer";
    private const string ApiKey = "sk-telemetry-key-0123456789";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly string _id = "t" + Guid.NewGuid().ToString("N")[..12];
    private readonly List<Activity> _spans = [];
    private readonly ActivityListener _listener;

    public TelemetryTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == NxtAIGenDiagnostics.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if ((activity.GetTagItem(NxtAIGenDiagnostics.ProviderIdAttribute) as string) == _id)
                {
                    lock (_spans)
                    {
                        _spans.Add(activity);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task Stream_Success_RecordsOneClientSpanWithGenAIAttributes()
    {
        await using var services = Services(Answered());
        var registry = services.GetRequiredService<IChatProviderRegistry>();

        var result = await StreamFolder.CollectAsync(registry.GetProvider(_id).StreamAsync(Request()));

        Assert.Equal(Answer, result.Text);
        var span = Assert.Single(_spans);
        Assert.Equal("chat small-model", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal("chat", span.GetTagItem("gen_ai.operation.name"));
        Assert.Equal(_id, span.GetTagItem("gen_ai.provider.name"));
        Assert.Equal(_id, span.GetTagItem("gen_ai.system"));
        Assert.Equal("small-model", span.GetTagItem("gen_ai.request.model"));
        Assert.Equal("small-model-2026-01", span.GetTagItem("gen_ai.response.model"));
        Assert.Equal("resp_42", span.GetTagItem("gen_ai.response.id"));
        Assert.Equal(["stop"], (string[])span.GetTagItem("gen_ai.response.finish_reasons")!);
        Assert.Equal(11, span.GetTagItem("gen_ai.usage.input_tokens"));
        Assert.Equal(7, span.GetTagItem("gen_ai.usage.output_tokens"));
        Assert.Equal(200, span.GetTagItem("gen_ai.request.max_tokens"));
        Assert.Equal("upstream.test", span.GetTagItem("server.address"));
        Assert.Equal(8443, span.GetTagItem("server.port"));
        Assert.Null(span.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
    }

    [Fact]
    public async Task Stream_ByDefault_NoPromptAnswerOrKeyInAnyAttribute()
    {
        await using var services = Services(Answered());
        var registry = services.GetRequiredService<IChatProviderRegistry>();

        await StreamFolder.CollectAsync(registry.GetProvider(_id).StreamAsync(Request()));

        var span = Assert.Single(_spans);
        Assert.Null(span.GetTagItem("gen_ai.input.messages"));
        Assert.Null(span.GetTagItem("gen_ai.output.messages"));
        foreach (var (key, value) in span.EnumerateTagObjects())
        {
            var text = value is string[] array ? string.Join(",", array) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
            Assert.DoesNotContain("pancakes", text, StringComparison.Ordinal);
            Assert.DoesNotContain("confidential", text, StringComparison.Ordinal);
            Assert.DoesNotContain(ApiKey, text, StringComparison.Ordinal);
            Assert.DoesNotContain("pancakes", key, StringComparison.Ordinal);
        }

        Assert.Empty(span.Events);
    }

    [Fact]
    public async Task Stream_CaptureContentEnabled_PutsMessagesOnTheSpan()
    {
        await using var services = Services(Answered(), captureContent: true);
        var registry = services.GetRequiredService<IChatProviderRegistry>();

        await StreamFolder.CollectAsync(registry.GetProvider(_id).StreamAsync(Request()));

        var span = Assert.Single(_spans);
        Assert.Contains(Prompt, (string)span.GetTagItem("gen_ai.input.messages")!, StringComparison.Ordinal);
        var output = (string)span.GetTagItem("gen_ai.output.messages")!;
        Assert.Contains(Answer, output, StringComparison.Ordinal);
        Assert.Contains("\"finish_reason\":\"stop\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_Success_RecordsDurationTimeToFirstChunkAndTokenUsage()
    {
        await using var services = Services(Answered());
        var meters = services.GetRequiredService<IMeterFactory>();
        using var duration = new MetricCollector<double>(meters, NxtAIGenDiagnostics.Name, "gen_ai.client.operation.duration");
        using var firstChunk = new MetricCollector<double>(meters, NxtAIGenDiagnostics.Name, "gen_ai.client.operation.time_to_first_chunk");
        using var tokens = new MetricCollector<int>(meters, NxtAIGenDiagnostics.Name, "gen_ai.client.token.usage");

        await StreamFolder.CollectAsync(services.GetRequiredService<IChatProviderRegistry>().GetProvider(_id).StreamAsync(Request()));

        var measured = Assert.Single(duration.GetMeasurementSnapshot());
        Assert.Equal(5.0, measured.Value);
        Assert.Equal("chat", measured.Tags["gen_ai.operation.name"]);
        Assert.Equal(_id, measured.Tags["gen_ai.provider.name"]);
        Assert.Equal("small-model", measured.Tags["gen_ai.request.model"]);
        Assert.Equal("small-model-2026-01", measured.Tags["gen_ai.response.model"]);
        Assert.False(measured.Tags.ContainsKey("error.type"));
        Assert.Equal("s", duration.Instrument!.Unit);

        Assert.Equal(2.0, Assert.Single(firstChunk.GetMeasurementSnapshot()).Value);

        var usage = tokens.GetMeasurementSnapshot();
        Assert.Equal("{token}", tokens.Instrument!.Unit);
        Assert.Equal(11, Assert.Single(usage, m => (string?)m.Tags["gen_ai.token.type"] == "input").Value);
        Assert.Equal(7, Assert.Single(usage, m => (string?)m.Tags["gen_ai.token.type"] == "output").Value);
    }

    [Fact]
    public async Task Stream_ProviderError_MarksSpanAndDurationWithErrorType()
    {
        var failing = new TimedProvider(_id, _time, [], new NxtAIGenProviderException(ProviderErrorKind.RateLimited, _id, $"{_id}: HTTP 429 Too Many Requests."));
        await using var services = Services(failing);
        using var duration = new MetricCollector<double>(services.GetRequiredService<IMeterFactory>(), NxtAIGenDiagnostics.Name, "gen_ai.client.operation.duration");

        var result = await StreamFolder.CollectAsync(services.GetRequiredService<IChatProviderRegistry>().GetProvider(_id).StreamAsync(Request()));

        Assert.IsType<NxtAIGenProviderException>(result.Error);
        var span = Assert.Single(_spans);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("rate_limited", span.GetTagItem("error.type"));
        Assert.Equal("rate_limited", Assert.Single(duration.GetMeasurementSnapshot()).Tags["error.type"]);
    }

    [Fact]
    public async Task Stream_UserKeyProvider_IsInstrumentedToo()
    {
        await using var services = Services(Answered());

        await StreamFolder.CollectAsync(services.GetRequiredService<IChatProviderRegistry>().GetProvider(_id, "sk-user-key-987654321").StreamAsync(Request()));

        Assert.Single(_spans);
    }

    private TimedProvider Answered() => new(_id, _time,
    [
        ChatChunk.ForMetadata(new ChatResponseMetadata { ResponseId = "resp_42", Model = "small-model-2026-01" }),
        ChatChunk.ForText("the confidential "),
        ChatChunk.ForText("answer"),
        ChatChunk.ForUsage(new ChatUsage { InputTokens = 11, OutputTokens = 7 }),
        ChatChunk.ForFinish(ChatFinishReason.Stop, "stop"),
    ]);

    private static ChatRequest Request() => new() { Messages = [ChatMessage.User(Prompt)], MaxOutputTokens = 200 };

    private ServiceProvider Services(TimedProvider provider, bool captureContent = false)
    {
        var services = new ServiceCollection();
        services.AddMetrics();
        services.AddSingleton<TimeProvider>(_time);
        services.Configure<NxtAIGenTelemetryOptions>(o => o.CaptureContent = captureContent);
        services.AddNxtAIGenCore(o =>
        {
            var options = o.GetOrAdd(_id);
            options.ApiKey = ApiKey;
            options.BaseUrl = new Uri("https://upstream.test:8443/v1");
        }).AddProviderType(new ChatProviderRegistration
        {
            Type = _id,
            Name = "Timed",
            DefaultModel = "small-model",
            Create = (_, _) => provider,
        });
        return services.BuildServiceProvider();
    }

    /// <summary>A provider that takes 2 s (fake time) to its first chunk and 3 s more to its end.</summary>
    private sealed class TimedProvider(string id, FakeTimeProvider time, IReadOnlyList<ChatChunk> chunks, Exception? error = null) : IChatStreamProvider
    {
        public string Id => id;

        public ChatCapabilities Capabilities => ChatCapabilities.None;

        public IAsyncEnumerable<ChatChunk> StreamAsync(ChatRequest request, CancellationToken cancellationToken = default) => StreamCoreAsync(cancellationToken);

        public Task<IReadOnlyList<ChatModelInfo>> ListModelsAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<ChatModelInfo>>([]);

        private async IAsyncEnumerable<ChatChunk> StreamCoreAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            time.Advance(TimeSpan.FromSeconds(2));
            foreach (var chunk in chunks)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return chunk;
            }

            time.Advance(TimeSpan.FromSeconds(3));
            if (error is not null)
            {
                throw error;
            }
        }
    }
}
