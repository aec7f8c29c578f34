namespace ChatServer.Admin;

/// <summary>A plan from <c>NxtAIGen:Plans:Definitions</c> (-1 is unlimited).</summary>
internal sealed record PlanResponse(string Name, int Hourly, int Daily, int Monthly);
