using System.Text.Json.Serialization;

namespace NxtAIGen.AspNetCore.Endpoints;

/// <summary>One item of <c>GET {prefix}/providers/{id}/models</c>.</summary>
internal sealed record ModelInfoResponse(
    string Id,
    string Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? ContextWindow,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] CapabilitiesResponse? Capabilities);
