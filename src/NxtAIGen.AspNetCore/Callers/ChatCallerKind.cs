namespace NxtAIGen.AspNetCore;

/// <summary>The kinds of <see cref="ChatCaller"/>.</summary>
public enum ChatCallerKind
{
    /// <summary>No signed-in user.</summary>
    Guest,

    /// <summary>A user signed in by the host's authentication.</summary>
    User,
}
