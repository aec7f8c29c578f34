using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace NxtAIGen.Abstractions.Internal;

/// <summary>Checks provider configuration at start-up, naming the configuration key that is wrong.</summary>
internal sealed partial class ChatProviderRegistryOptionsValidator : IValidateOptions<ChatProviderRegistryOptions>
{
    private readonly Dictionary<string, ChatProviderRegistration> _registrations;

    public ChatProviderRegistryOptionsValidator(IEnumerable<ChatProviderRegistration> registrations)
    {
        _registrations = new Dictionary<string, ChatProviderRegistration>(StringComparer.OrdinalIgnoreCase);
        foreach (var registration in registrations)
        {
            _registrations.TryAdd(registration.Type, registration);
        }
    }

    public ValidateOptionsResult Validate(string? name, ChatProviderRegistryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var known = string.Join(", ", _registrations.Keys.Order(StringComparer.Ordinal));
        foreach (var (id, provider) in options.Providers)
        {
            var key = $"NxtAIGen:Providers:{id}";
            if (!ProviderIdPattern().IsMatch(id))
            {
                failures.Add($"{key}: a provider id may contain only letters, digits, '.', '_' and '-' (at most 64).");
                continue;
            }

            if (!ChatProviderRegistry.TryResolve(_registrations, id, provider, out var registration))
            {
                failures.Add(string.IsNullOrEmpty(provider.Type)
                    ? $"{key}: '{id}' is not a built-in provider; set {key}:Type (for example openai-compatible). Known types: {known}."
                    : $"{key}:Type: '{provider.Type}' is not a known provider type. Known types: {known}.");
                continue;
            }

            var baseUrl = provider.BaseUrl ?? registration.DefaultBaseUrl;
            if (provider.Enabled && baseUrl is null && registration.RequiresBaseUrl)
            {
                failures.Add($"{key}:BaseUrl is required for type '{registration.Type}'.");
            }
            else if (baseUrl is not null && (!baseUrl.IsAbsoluteUri || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps)))
            {
                failures.Add($"{key}:BaseUrl must be an absolute http or https URL.");
            }

            if (provider.DefaultModel is { } model && !ModelPattern().IsMatch(model))
            {
                failures.Add($"{key}:DefaultModel '{model}' is not a valid model id (letters, digits and . _ : / - only, at most 128).");
            }

            CheckFallbacks(failures, $"{key}:Fallbacks", provider.Fallbacks, options);
            foreach (var (fallbackModel, list) in provider.ModelFallbacks)
            {
                CheckFallbacks(failures, $"{key}:ModelFallbacks:{fallbackModel}", list, options);
            }
        }

        if (options.DefaultProvider is { Length: > 0 } defaultProvider
            && !options.Providers.ContainsKey(defaultProvider)
            && !(_registrations.TryGetValue(defaultProvider, out var builtIn) && builtIn.IsBuiltIn))
        {
            failures.Add($"NxtAIGen:DefaultProvider: '{defaultProvider}' is not a registered or configured provider. Known types: {known}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Splits a fallback entry, <c>provider</c> or <c>provider/model</c>, at its first slash (model ids may contain slashes).</summary>
    internal static (string Provider, string? Model) ParseFallback(string entry)
    {
        var slash = entry.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (entry.Trim(), null) : (entry[..slash].Trim(), entry[(slash + 1)..].Trim());
    }

    private void CheckFallbacks(List<string> failures, string key, List<string> entries, ChatProviderRegistryOptions options)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            var (provider, model) = ParseFallback(entries[i] ?? string.Empty);
            var known = options.Providers.ContainsKey(provider) || (_registrations.TryGetValue(provider, out var registration) && registration.IsBuiltIn);
            if (!known)
            {
                failures.Add($"{key}:{i}: '{provider}' is not a registered or configured provider.");
            }
            else if (model is not null && !ModelPattern().IsMatch(model))
            {
                failures.Add($"{key}:{i}: '{model}' is not a valid model id (letters, digits and . _ : / - only, at most 128).");
            }
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex ProviderIdPattern();

    [GeneratedRegex("^[A-Za-z0-9._:/-]{1,128}$")]
    private static partial Regex ModelPattern();
}
