using System.Text.Json.Serialization;
using NxtAIGen.AspNetCore.Endpoints;
using NxtAIGen.AspNetCore.Gateway;
using NxtAIGen.AspNetCore.Requests;

namespace NxtAIGen.AspNetCore.Internal;

/// <summary>Source-generated JSON for the endpoints: snake_case on the wire.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    PropertyNameCaseInsensitive = true,
    AllowTrailingCommas = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(ChatStreamRequestBody))]
[JsonSerializable(typeof(List<ProviderInfoResponse>))]
[JsonSerializable(typeof(List<ModelInfoResponse>))]
[JsonSerializable(typeof(ApiKeyPutBody))]
[JsonSerializable(typeof(ApiKeyInfoResponse))]
[JsonSerializable(typeof(List<ApiKeyInfoResponse>))]
[JsonSerializable(typeof(AntiforgeryTokenResponse))]
[JsonSerializable(typeof(OpenAIChatCompletionRequest))]
[JsonSerializable(typeof(GatewayTokenCreateBody))]
[JsonSerializable(typeof(GatewayTokenResponse))]
[JsonSerializable(typeof(List<GatewayTokenResponse>))]
internal sealed partial class NxtAIGenJsonContext : JsonSerializerContext;
