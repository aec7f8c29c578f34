using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace NxtAIGen.Abstractions.Internal;

/// <summary>
/// Wraps every provider the registry hands out: one <c>chat {model}</c> client span per generation and the GenAI
/// client metrics (duration, time to first chunk, token usage), following OpenTelemetry's GenAI semantic conventions.
/// No prompt, answer or key is recorded unless <see cref="NxtAIGenTelemetryOptions.CaptureContent"/> is set.
/// </summary>
internal sealed class InstrumentedChatStreamProvider : IChatStreamProvider
{
    private readonly IChatStreamProvider _inner;
    private readonly GenAITelemetry _telemetry;
    private readonly string _providerName;
    private readonly string? _defaultModel;
    private readonly string? _serverAddress;
    private readonly int? _serverPort;

    public InstrumentedChatStreamProvider(IChatStreamProvider inner, ChatProviderSettings settings, GenAITelemetry telemetry)
    {
        _inner = inner;
        _telemetry = telemetry;
        _providerName = GenAITelemetry.ProviderName(settings.Type);
        _defaultModel = settings.DefaultModel;
        if (settings.BaseUrl is { IsAbsoluteUri: true } url)
        {
            _serverAddress = url.Host;
            _serverPort = url.Port;
        }
    }

    public string Id => _inner.Id;

    public ChatCapabilities Capabilities => _inner.Capabilities;

    /// <summary>Gets the provider this one instruments.</summary>
    public IChatStreamProvider Inner => _inner;

    public IAsyncEnumerable<ChatChunk> StreamAsync(ChatRequest request, CancellationToken cancellationToken = default)
    {
        // The inner provider validates now and sends when enumerated; the span starts with the enumeration.
        var stream = _inner.StreamAsync(request, cancellationToken);
        return InstrumentAsync(stream, request, cancellationToken);
    }

    public Task<IReadOnlyList<ChatModelInfo>> ListModelsAsync(CancellationToken cancellationToken = default) => _inner.ListModelsAsync(cancellationToken);

    private async IAsyncEnumerable<ChatChunk> InstrumentAsync(IAsyncEnumerable<ChatChunk> stream, ChatRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var model = string.IsNullOrEmpty(request.Model) ? _defaultModel : request.Model;
        var generation = new GenerationTelemetry(_telemetry, Id, _providerName, model, _serverAddress, _serverPort);
        generation.Start(request);
        var enumerator = stream.GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                ChatChunk chunk;
                try
                {
                    if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }

                    chunk = enumerator.Current;
                }
                catch (Exception ex)
                {
                    generation.Fail(ex);
                    throw;
                }

                generation.Observe(chunk);
                yield return chunk;
            }
        }
        finally
        {
            generation.End();
            await enumerator.DisposeAsync().ConfigureAwait(false);
        }
    }
}
