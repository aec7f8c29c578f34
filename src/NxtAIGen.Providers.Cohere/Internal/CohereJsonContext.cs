using System.Text.Json.Serialization;
using NxtAIGen.Providers.Cohere.Internal.Wire;

namespace NxtAIGen.Providers.Cohere.Internal;

/// <summary>The package's source-generated JSON metadata (reflection-based JSON is disabled).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(CohereStreamPayload))]
[JsonSerializable(typeof(CohereContentDelta))]
[JsonSerializable(typeof(CohereToolCallDelta))]
[JsonSerializable(typeof(CohereCitation))]
[JsonSerializable(typeof(CohereModelList))]
internal sealed partial class CohereJsonContext : JsonSerializerContext;
