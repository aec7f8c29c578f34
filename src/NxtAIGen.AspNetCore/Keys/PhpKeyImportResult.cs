namespace NxtAIGen.AspNetCore;

/// <summary>What <see cref="PhpKeyImporter.ImportAsync"/> did.</summary>
/// <param name="Imported">How many keys were stored (re-encrypted).</param>
/// <param name="Failures">The records that were not imported.</param>
public sealed record PhpKeyImportResult(int Imported, IReadOnlyList<PhpKeyImportFailure> Failures);
