using System.Text.Json.Serialization;
using NxtAIGen.Providers.Gemini.Internal.Wire;

namespace NxtAIGen.Providers.Gemini.Internal;

/// <summary>The package's source-generated JSON metadata (reflection-based JSON is disabled).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(GeminiResponse))]
[JsonSerializable(typeof(GeminiModelList))]
internal sealed partial class GeminiJsonContext : JsonSerializerContext;
