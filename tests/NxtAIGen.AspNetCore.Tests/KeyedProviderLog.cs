using System.Collections.Concurrent;
using NxtAIGen.Abstractions;

namespace NxtAIGen.AspNetCore.Tests;

/// <summary>
/// Creates the <c>keyed</c> test provider from its settings and remembers each one. Every instance answers one call
/// with "ok"; a key starting with <c>sk-bad</c> is refused when models are listed (as a real service would).
/// </summary>
public sealed class KeyedProviderLog
{
    public ConcurrentQueue<ScriptedProvider> Created { get; } = new();

    public ScriptedProvider Create(ChatProviderSettings settings)
    {
        var provider = new ScriptedProvider(settings.Id) { ApiKey = settings.ApiKey, BaseUrl = settings.BaseUrl };
        if (settings.ApiKey?.StartsWith("sk-bad", StringComparison.Ordinal) == true)
        {
            provider.ModelListError = new NxtAIGenProviderException(ProviderErrorKind.Authentication, settings.Id, $"{settings.Id}: HTTP 401 Unauthorized: Incorrect API key provided: {ProviderErrors.Redact(settings.ApiKey, settings.ApiKey)}") { StatusCode = 401 };
        }

        provider.NextCall().Text("ok").Finish();
        Created.Enqueue(provider);
        return provider;
    }
}
