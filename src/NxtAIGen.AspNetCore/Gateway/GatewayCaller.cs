using System.Security.Claims;

namespace NxtAIGen.AspNetCore.Gateway;

/// <summary>Who a gateway request is from: the caller quotas and keys are looked up for, and the principal plans are read from.</summary>
/// <param name="Caller">The caller (always a user: a token's owner, or <c>gateway:…</c> for a server key).</param>
/// <param name="Principal">The identity handed to the quota gate (its name identifier is <see cref="ChatCaller.Id"/>).</param>
internal sealed record GatewayCaller(ChatCaller Caller, ClaimsPrincipal Principal);
