using System.Text.Json.Serialization;

namespace NxtAIGen.Testing;

/// <summary>Source-generated JSON for the helpers (reflection-based JSON is disabled).</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class TestingJsonContext : JsonSerializerContext;
