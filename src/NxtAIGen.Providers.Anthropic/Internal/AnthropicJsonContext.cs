using System.Text.Json.Serialization;
using NxtAIGen.Providers.Anthropic.Internal.Wire;

namespace NxtAIGen.Providers.Anthropic.Internal;

/// <summary>The package's source-generated JSON metadata (reflection-based JSON is disabled).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(AnthropicStreamEvent))]
[JsonSerializable(typeof(AnthropicModelList))]
internal sealed partial class AnthropicJsonContext : JsonSerializerContext;
