namespace NxtAIGen.PropertyTests;

/// <summary>The kinds of <see cref="Mutation"/>.</summary>
internal enum MutationKind
{
    /// <summary>Cut the body at the position.</summary>
    Truncate,

    /// <summary>XOR the byte at the position.</summary>
    Flip,

    /// <summary>Insert bytes at the position.</summary>
    Insert,

    /// <summary>Delete a run of bytes at the position.</summary>
    Delete,
}
