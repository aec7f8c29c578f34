using System.Text.Json.Serialization;

namespace NxtAIGen.Providers.Anthropic.Tests;

[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(string))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
