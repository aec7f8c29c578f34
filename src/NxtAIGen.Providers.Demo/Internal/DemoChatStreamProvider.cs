using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using NxtAIGen.Abstractions;

namespace NxtAIGen.Providers.Demo.Internal;

/// <summary>
/// The offline demo provider: streams a deterministic answer built from the last user message, word by word,
/// paced by <see cref="TimeProvider"/>. No network, no key.
/// </summary>
internal sealed class DemoChatStreamProvider : IChatStreamProvider
{
    /// <summary>How many words <c>/demo error</c> and <c>/demo incomplete</c> stream before they fail.</summary>
    private const int WordsBeforeFailure = 6;

    private readonly ChatProviderSettings _settings;
    private readonly IOptionsMonitor<DemoProviderOptions> _options;
    private readonly TimeProvider _timeProvider;

    public DemoChatStreamProvider(ChatProviderSettings settings, IOptionsMonitor<DemoProviderOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _settings = settings;
        _options = options;
        _timeProvider = timeProvider;
    }

    public string Id => _settings.Id;

    public ChatCapabilities Capabilities => _settings.Capabilities;

    public IAsyncEnumerable<ChatChunk> StreamAsync(ChatRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Messages);
        return StreamCoreAsync(request, cancellationToken);
    }

    public Task<IReadOnlyList<ChatModelInfo>> ListModelsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var models = new List<ChatModelInfo>
        {
            new(DemoModels.Default) { Name = "Demo 1", ContextWindow = DemoModels.ContextWindow, Capabilities = DemoModels.Capabilities },
            new(DemoModels.Fast) { Name = "Demo 1 fast (no pauses)", ContextWindow = DemoModels.ContextWindow, Capabilities = DemoModels.Capabilities },
        };
        var configured = _settings.DefaultModel;
        if (!string.IsNullOrEmpty(configured) && !models.Exists(m => string.Equals(m.Id, configured, StringComparison.Ordinal)))
        {
            models.Insert(0, new ChatModelInfo(configured) { Name = configured, ContextWindow = DemoModels.ContextWindow, Capabilities = DemoModels.Capabilities });
        }

        return Task.FromResult<IReadOnlyList<ChatModelInfo>>(models);
    }

    private async IAsyncEnumerable<ChatChunk> StreamCoreAsync(ChatRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (request.Messages.Count == 0)
        {
            throw Fail(ProviderErrorKind.InvalidRequest, 400, "invalid_request", "The conversation has no messages.");
        }

        if (request.MaxOutputTokens is < 1)
        {
            throw Fail(ProviderErrorKind.InvalidRequest, 400, "invalid_request", "max_output_tokens must be at least 1.");
        }

        var model = string.IsNullOrEmpty(request.Model) ? _settings.DefaultModel ?? DemoModels.Default : request.Model;
        var options = _options.CurrentValue;
        var fast = string.Equals(model, DemoModels.Fast, StringComparison.Ordinal);
        var wordDelay = fast ? TimeSpan.Zero : options.WordDelay;
        var reasoningDelay = fast ? TimeSpan.Zero : options.ReasoningWordDelay;

        var prompt = DemoPrompt.From(request);
        var command = prompt.Command;
        switch (command)
        {
            case "rate-limit":
                throw Fail(ProviderErrorKind.RateLimited, 429, "rate_limit_exceeded", "The demo provider is rate limited on purpose (/demo rate-limit).", TimeSpan.FromSeconds(30));
            case "overloaded":
                throw Fail(ProviderErrorKind.Overloaded, 529, "overloaded_error", "The demo provider is overloaded on purpose (/demo overloaded).");
            default:
                break;
        }

        var answer = command switch
        {
            null => DemoAnswerComposer.ComposeAnswer(prompt),
            "long" => DemoAnswerComposer.ComposeLong(prompt),
            "error" => "Starting an answer that is going to fail in a moment…",
            "incomplete" => "Starting an answer that is going to be cut off in a moment…",
            _ => DemoAnswerComposer.ComposeHelp(),
        };
        answer = CutAtStopSequence(answer, request.StopSequences);

        var reasoning = request.Reasoning is { } asked
            ? DemoAnswerComposer.ComposeReasoning(prompt, asked.ResolveEffort() ?? ChatReasoningEffort.Medium)
            : null;
        var showReasoning = request.Reasoning?.IncludeReasoning ?? false;

        var responseId = "demo-" + DemoHash.Add(DemoHash.Add(prompt.ConversationHash, model), reasoning).ToString("x16", CultureInfo.InvariantCulture);
        yield return ChatChunk.ForMetadata(new ChatResponseMetadata { ResponseId = responseId, Model = model });

        var budget = request.MaxOutputTokens ?? int.MaxValue;
        var reasoningChars = 0;
        var textChars = 0;
        var truncated = false;

        if (reasoning is not null)
        {
            foreach (var word in DemoText.SplitWords(reasoning))
            {
                if (Tokens(reasoningChars + word.Length, textChars) > budget)
                {
                    truncated = true;
                    break;
                }

                await PauseAsync(reasoningDelay, cancellationToken).ConfigureAwait(false);
                reasoningChars += word.Length;
                if (showReasoning)
                {
                    yield return ChatChunk.ForReasoning(word);
                }
            }
        }

        if (!truncated)
        {
            var index = 0;
            foreach (var word in DemoText.SplitWords(answer))
            {
                if (index++ == WordsBeforeFailure)
                {
                    if (command == "error")
                    {
                        throw Fail(ProviderErrorKind.Server, 500, "demo_error", "The demo provider failed on purpose (/demo error).");
                    }

                    if (command == "incomplete")
                    {
                        throw Fail(ProviderErrorKind.Incomplete, null, "incomplete", "The demo stream ended without its end marker on purpose (/demo incomplete).");
                    }
                }

                if (Tokens(reasoningChars, textChars + word.Length) > budget)
                {
                    truncated = true;
                    break;
                }

                await PauseAsync(wordDelay, cancellationToken).ConfigureAwait(false);
                textChars += word.Length;
                yield return ChatChunk.ForText(word);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        var reasoningTokens = DemoText.EstimateTokens(reasoningChars);
        yield return ChatChunk.ForUsage(new ChatUsage
        {
            InputTokens = prompt.InputTokens,
            OutputTokens = reasoningTokens + DemoText.EstimateTokens(textChars),
            ReasoningTokens = reasoning is null ? null : reasoningTokens,
        });
        yield return truncated
            ? ChatChunk.ForFinish(ChatFinishReason.Length, "length")
            : ChatChunk.ForFinish(ChatFinishReason.Stop, "stop");
    }

    private static int Tokens(int reasoningChars, int textChars) => DemoText.EstimateTokens(reasoningChars) + DemoText.EstimateTokens(textChars);

    private static string CutAtStopSequence(string answer, IList<string>? stopSequences)
    {
        if (stopSequences is null)
        {
            return answer;
        }

        var end = answer.Length;
        foreach (var stop in stopSequences)
        {
            if (!string.IsNullOrEmpty(stop))
            {
                var at = answer.IndexOf(stop, StringComparison.Ordinal);
                if (at >= 0 && at < end)
                {
                    end = at;
                }
            }
        }

        return answer[..end];
    }

    private Task PauseAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay <= TimeSpan.Zero)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.CompletedTask;
        }

        return Task.Delay(delay, _timeProvider, cancellationToken);
    }

    private NxtAIGenProviderException Fail(ProviderErrorKind kind, int? status, string code, string message, TimeSpan? retryAfter = null) =>
        new(kind, _settings.Id, message)
        {
            StatusCode = status,
            ProviderCode = code,
            ProviderMessage = message,
            RetryAfter = retryAfter,
        };
}
