using System.Text.Json.Serialization;

namespace NxtAIGen.Providers.Ollama.Tests;

[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(string))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
