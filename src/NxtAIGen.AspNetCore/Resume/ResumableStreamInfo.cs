namespace NxtAIGen.AspNetCore;

/// <summary>What a store knows about a resumable stream.</summary>
/// <param name="Id">The stream id.</param>
/// <param name="Owner">Who may read or stop it.</param>
/// <param name="FirstBufferedId">The id of the oldest event still buffered (1 until events are dropped; 1 with none yet).</param>
/// <param name="Completed">Whether its terminal event has been appended.</param>
public sealed record ResumableStreamInfo(string Id, string Owner, long FirstBufferedId, bool Completed);
