using System.Text.Json.Serialization;
using NxtAIGen.Providers.OpenAI.Internal.Wire;

namespace NxtAIGen.Providers.OpenAI.Internal;

/// <summary>The package's source-generated JSON metadata (reflection-based JSON is disabled).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(OpenAIChatCompletionChunk))]
[JsonSerializable(typeof(OpenAIModelList))]
[JsonSerializable(typeof(List<OpenAIModel>))]
internal sealed partial class OpenAIJsonContext : JsonSerializerContext;
