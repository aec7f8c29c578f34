using System.Text.Json;
using NxtAIGen.Abstractions;

namespace NxtAIGen.Providers.Gemini.Internal;

/// <summary>Turns Google's error objects (<c>{"error":{"code":429,"message":"...","status":"RESOURCE_EXHAUSTED"}}</c>) into exceptions.</summary>
internal static class GeminiErrors
{
    /// <summary>Builds the exception for an error object sent inside a 200 stream.</summary>
    /// <param name="providerId">The provider id.</param>
    /// <param name="element">The object holding <c>error</c>, or the error object itself.</param>
    /// <param name="apiKey">The key to mask.</param>
    /// <returns>The exception to throw.</returns>
    public static NxtAIGenProviderException FromStreamError(string providerId, JsonElement element, string? apiKey)
    {
        var error = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("error", out var inner) ? inner : element;
        if (error.ValueKind != JsonValueKind.Object)
        {
            return ProviderErrors.FromStreamError(providerId, null, error.ValueKind == JsonValueKind.String ? error.GetString() : null, apiKey);
        }

        var status = GetString(error, "status");
        int? code = error.TryGetProperty("code", out var codeElement) && codeElement.ValueKind == JsonValueKind.Number
            && codeElement.TryGetInt32(out var number) ? number : null;
        var fallback = code is { } httpLike ? ProviderErrors.KindFromStatus(httpLike) : ProviderErrorKind.Server;
        return ProviderErrors.FromStreamError(
            providerId, status ?? GetString(error, "code"), GetString(error, "message"), apiKey, fallback);
    }

    private static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        }
        : null;
}
