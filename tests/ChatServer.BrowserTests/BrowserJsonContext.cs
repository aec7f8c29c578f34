using System.Text.Json.Serialization;

namespace ChatServer.BrowserTests;

/// <summary>The source-generated JSON of the fake upstream's bodies (reflection-based JSON is off in this repository).</summary>
[JsonSerializable(typeof(Dictionary<string, object?>))]
[JsonSerializable(typeof(object[]))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int))]
internal sealed partial class BrowserJsonContext : JsonSerializerContext;
