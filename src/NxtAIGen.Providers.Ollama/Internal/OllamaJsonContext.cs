using System.Text.Json.Serialization;
using NxtAIGen.Providers.Ollama.Internal.Wire;

namespace NxtAIGen.Providers.Ollama.Internal;

/// <summary>The package's source-generated JSON metadata (reflection-based JSON is disabled).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(OllamaChatChunk))]
[JsonSerializable(typeof(OllamaTagList))]
internal sealed partial class OllamaJsonContext : JsonSerializerContext;
