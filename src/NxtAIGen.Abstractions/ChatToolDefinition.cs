using System.Text.Json;

namespace NxtAIGen.Abstractions;

/// <summary>A tool (function) the model may call.</summary>
/// <param name="Name">The function name.</param>
/// <param name="Description">What the function does, for the model.</param>
/// <param name="ParametersSchema">A JSON schema object for the arguments; <see langword="null"/> for none.</param>
public sealed record ChatToolDefinition(string Name, string? Description = null, JsonElement? ParametersSchema = null);
