namespace ChatServer.Conversations;

/// <summary>The token usage of an answer.</summary>
internal sealed record UsageResponse(int? InputTokens, int? OutputTokens, int? ReasoningTokens);
