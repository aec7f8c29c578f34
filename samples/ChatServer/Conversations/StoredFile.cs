namespace ChatServer.Conversations;

/// <summary>What is kept of an attachment: its name, media type and size (not its content).</summary>
internal sealed record StoredFile(string Name, string MediaType, long Size);
