namespace ChatServer.Http;

/// <summary>An <c>application/problem+json</c> body with PROTOCOL.md's <c>code</c> and <c>error</c> members.</summary>
internal sealed record ProblemBody(string Type, string Title, int Status, string Detail, string Code, string Error);
