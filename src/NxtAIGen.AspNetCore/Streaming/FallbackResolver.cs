using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NxtAIGen.Abstractions;
using NxtAIGen.AspNetCore.Requests;

namespace NxtAIGen.AspNetCore.Streaming;

/// <summary>
/// Builds the ordered providers a generation may use: the requested one, then its configured fallbacks
/// (<c>NxtAIGen:Providers:&lt;id&gt;:ModelFallbacks:&lt;model&gt;</c>, else <c>...:Fallbacks</c>) that are enabled, have a key
/// for this caller, and accept what the request contains.
/// </summary>
internal sealed partial class FallbackResolver
{
    private readonly IChatProviderRegistry _registry;
    private readonly IOptionsMonitor<ChatProviderRegistryOptions> _options;
    private readonly IProviderKeyResolver _keys;
    private readonly ILogger<FallbackResolver> _logger;

    public FallbackResolver(IChatProviderRegistry registry, IOptionsMonitor<ChatProviderRegistryOptions> options, IProviderKeyResolver keys, ILogger<FallbackResolver> logger)
    {
        _registry = registry;
        _options = options;
        _keys = keys;
        _logger = logger;
    }

    public async ValueTask<IReadOnlyList<StreamCandidate>> ResolveAsync(
        ChatCaller caller, ChatProviderDescriptor descriptor, IChatStreamProvider provider, ChatRequest request, CancellationToken cancellationToken)
    {
        var primary = new StreamCandidate(provider, request, request.Model ?? descriptor.DefaultModel);
        if (!_options.CurrentValue.Providers.TryGetValue(descriptor.Id, out var configured))
        {
            return [primary];
        }

        var entries = primary.Model is { } model && configured.ModelFallbacks.TryGetValue(model, out var forModel) ? forModel : configured.Fallbacks;
        if (entries.Count == 0)
        {
            return [primary];
        }

        var candidates = new List<StreamCandidate>(entries.Count + 1) { primary };
        foreach (var entry in entries)
        {
            var (providerId, fallbackModel) = Parse(entry);
            if (!_registry.TryGetDescriptor(providerId, out var fallback) || !fallback.Enabled)
            {
                Log.Skipped(_logger, entry, "unknown or disabled");
                continue;
            }

            if (!Accepts(fallback.Capabilities, request))
            {
                Log.Skipped(_logger, entry, "it cannot take this request's images, documents or tools");
                continue;
            }

            var credentials = await _keys.ResolveCredentialsAsync(caller, fallback.Id, cancellationToken).ConfigureAwait(false);
            if (credentials is null && !fallback.Configured)
            {
                Log.Skipped(_logger, entry, "no key");
                continue;
            }

            var fallbackRequest = WithModel(request, fallbackModel);
            candidates.Add(new StreamCandidate(
                _registry.GetProvider(fallback.Id, credentials?.ApiKey, credentials?.BaseUrl),
                fallbackRequest,
                fallbackModel ?? fallback.DefaultModel));
        }

        return candidates;
    }

    internal static (string Provider, string? Model) Parse(string entry)
    {
        var slash = entry.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (entry.Trim(), null) : (entry[..slash].Trim(), entry[(slash + 1)..].Trim());
    }

    private static bool Accepts(ChatCapabilities capabilities, ChatRequest request)
    {
        if (request.Tools is { Count: > 0 } && !capabilities.HasFlag(ChatCapabilities.Tools))
        {
            return false;
        }

        foreach (var message in request.Messages)
        {
            foreach (var part in message.Parts)
            {
                switch (part)
                {
                    case ImagePart when !capabilities.HasFlag(ChatCapabilities.Vision):
                    case DocumentPart { Text: null } when !capabilities.HasFlag(ChatCapabilities.Documents):
                        return false;
                }
            }
        }

        return true;
    }

    private static ChatRequest WithModel(ChatRequest request, string? model) => ChatRequestCopy.With(request, model, request.Messages);

    private static partial class Log
    {
        [LoggerMessage(32, LogLevel.Debug, "Fallback {Entry} is not used: {Reason}.")]
        public static partial void Skipped(ILogger logger, string entry, string reason);
    }
}
