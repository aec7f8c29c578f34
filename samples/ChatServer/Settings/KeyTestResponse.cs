using System.Text.Json.Serialization;

namespace ChatServer.Settings;

/// <summary>The body of <c>POST /api/keys/{provider}/test</c>.</summary>
internal sealed record KeyTestResponse(bool Ok, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error);
