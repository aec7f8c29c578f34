using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;

namespace NxtAIGen.Abstractions.Internal;

/// <summary>The registry: registrations from provider packages, merged with configuration; rebuilt when configuration reloads.</summary>
internal sealed class ChatProviderRegistry : IChatProviderRegistry, IDisposable
{
    private readonly IServiceProvider _services;
    private readonly Dictionary<string, ChatProviderRegistration> _registrations;
    private readonly IDisposable? _changeSubscription;
    private readonly GenAITelemetry? _telemetry;
    private volatile Snapshot _snapshot;

    public ChatProviderRegistry(
        IServiceProvider services,
        IEnumerable<ChatProviderRegistration> registrations,
        IOptionsMonitor<ChatProviderRegistryOptions> options,
        GenAITelemetry? telemetry = null)
    {
        _services = services;
        _telemetry = telemetry;
        _registrations = new Dictionary<string, ChatProviderRegistration>(StringComparer.OrdinalIgnoreCase);
        foreach (var registration in registrations)
        {
            _registrations.TryAdd(registration.Type, registration);
        }

        _snapshot = new Snapshot(this, options.CurrentValue);
        _changeSubscription = options.OnChange(value => _snapshot = new Snapshot(this, value));
    }

    public IReadOnlyList<ChatProviderDescriptor> Providers => _snapshot.Descriptors;

    public string? DefaultProviderId => _snapshot.DefaultProviderId;

    public bool TryGetDescriptor(string id, [NotNullWhen(true)] out ChatProviderDescriptor? descriptor)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (_snapshot.Entries.TryGetValue(id, out var entry))
        {
            descriptor = entry.Descriptor;
            return true;
        }

        descriptor = null;
        return false;
    }

    public IChatStreamProvider GetProvider(string id, string? apiKey = null) => GetProvider(id, apiKey, null);

    public IChatStreamProvider GetProvider(string id, string? apiKey, Uri? baseUrl)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!_snapshot.Entries.TryGetValue(id, out var entry))
        {
            throw new KeyNotFoundException($"Unknown provider '{id}'.");
        }

        var sameKey = apiKey is null || apiKey == entry.Settings.ApiKey;
        var sameUrl = baseUrl is null || baseUrl == entry.Settings.BaseUrl;
        if (sameKey && sameUrl)
        {
            return entry.SharedProvider.Value;
        }

        var settings = entry.Settings with
        {
            ApiKey = apiKey ?? entry.Settings.ApiKey,
            BaseUrl = baseUrl ?? entry.Settings.BaseUrl,
        };
        return Instrument(entry.Registration.Create(_services, settings), settings);
    }

    public void Dispose() => _changeSubscription?.Dispose();

    /// <summary>Wraps a provider in the telemetry decorator, so that every provider, custom ones included, is traced and measured.</summary>
    private IChatStreamProvider Instrument(IChatStreamProvider provider, ChatProviderSettings settings) =>
        _telemetry is null ? provider : new InstrumentedChatStreamProvider(provider, settings, _telemetry);

    internal static bool TryResolve(
        IReadOnlyDictionary<string, ChatProviderRegistration> registrations,
        string id,
        ChatProviderOptions? options,
        [NotNullWhen(true)] out ChatProviderRegistration? registration)
    {
        var type = string.IsNullOrEmpty(options?.Type) ? id : options.Type;
        return registrations.TryGetValue(type, out registration);
    }

    

    private sealed class Entry
    {
        public Entry(ChatProviderRegistry owner, ChatProviderRegistration registration, ChatProviderSettings settings, ChatProviderDescriptor descriptor)
        {
            Registration = registration;
            Settings = settings;
            Descriptor = descriptor;
            SharedProvider = new Lazy<IChatStreamProvider>(() => owner.Instrument(registration.Create(owner._services, settings), settings));
        }

        public ChatProviderRegistration Registration { get; }

        public ChatProviderSettings Settings { get; }

        public ChatProviderDescriptor Descriptor { get; }

        public Lazy<IChatStreamProvider> SharedProvider { get; }
    }

    private sealed class Snapshot
    {
        public Snapshot(ChatProviderRegistry owner, ChatProviderRegistryOptions options)
        {
            var entries = new Dictionary<string, Entry>(StringComparer.OrdinalIgnoreCase);
            foreach (var registration in owner._registrations.Values.Where(r => r.IsBuiltIn))
            {
                options.Providers.TryGetValue(registration.Type, out var configured);
                entries[registration.Type] = CreateEntry(owner, registration.Type, registration, configured);
            }

            foreach (var (id, configured) in options.Providers)
            {
                if (!entries.ContainsKey(id) && TryResolve(owner._registrations, id, configured, out var registration))
                {
                    entries[id] = CreateEntry(owner, id, registration, configured);
                }
            }

            Entries = entries;
            Descriptors = [.. entries.Values.Select(e => e.Descriptor).OrderBy(d => d.Id, StringComparer.Ordinal)];
            DefaultProviderId = options.DefaultProvider is { Length: > 0 } preferred && entries.TryGetValue(preferred, out var chosen)
                ? chosen.Descriptor.Id
                : Descriptors.FirstOrDefault(d => d.Enabled && d.Configured)?.Id;
        }

        public Dictionary<string, Entry> Entries { get; }

        public IReadOnlyList<ChatProviderDescriptor> Descriptors { get; }

        public string? DefaultProviderId { get; }

        private static Entry CreateEntry(ChatProviderRegistry owner, string id, ChatProviderRegistration registration, ChatProviderOptions? configured)
        {
            var apiKey = string.IsNullOrWhiteSpace(configured?.ApiKey) ? null : configured.ApiKey.Trim();
            var settings = new ChatProviderSettings
            {
                Id = id,
                Type = registration.Type,
                Name = configured?.Name ?? (string.Equals(id, registration.Type, StringComparison.OrdinalIgnoreCase) ? registration.Name : id),
                ApiKey = apiKey,
                BaseUrl = configured?.BaseUrl ?? registration.DefaultBaseUrl,
                DefaultModel = configured?.DefaultModel ?? registration.DefaultModel,
                Capabilities = registration.Capabilities,
                Headers = configured is null ? new Dictionary<string, string>() : new Dictionary<string, string>(configured.Headers, StringComparer.OrdinalIgnoreCase),
                Models = configured is null ? [] : [.. configured.Models],
            };
            var descriptor = new ChatProviderDescriptor
            {
                Id = id,
                Name = settings.Name,
                Type = registration.Type,
                Enabled = configured?.Enabled ?? true,
                Configured = apiKey is not null || !registration.RequiresApiKey,
                RequiresApiKey = registration.RequiresApiKey,
                DefaultModel = settings.DefaultModel,
                Capabilities = registration.Capabilities,
            };
            return new Entry(owner, registration, settings, descriptor);
        }
    }
}
