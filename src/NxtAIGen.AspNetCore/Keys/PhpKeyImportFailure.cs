namespace NxtAIGen.AspNetCore;

/// <summary>A record <see cref="PhpKeyImporter.ImportAsync"/> could not import, and why (never the value).</summary>
/// <param name="Index">The record's position in the input, from 0.</param>
/// <param name="Scope">The record's scope.</param>
/// <param name="UserId">The record's user id.</param>
/// <param name="ProviderId">The record's provider id.</param>
/// <param name="Reason">Why it was not imported.</param>
public sealed record PhpKeyImportFailure(int Index, ApiKeyScope Scope, string? UserId, string ProviderId, string Reason);
