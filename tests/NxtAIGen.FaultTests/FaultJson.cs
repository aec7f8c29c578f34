using System.Text.Json.Serialization;

namespace NxtAIGen.FaultTests;

[JsonSerializable(typeof(string))]
internal sealed partial class FaultJson : JsonSerializerContext;
