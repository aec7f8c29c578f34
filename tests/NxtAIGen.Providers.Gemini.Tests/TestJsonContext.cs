using System.Text.Json.Serialization;

namespace NxtAIGen.Providers.Gemini.Tests;

[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(bool))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
