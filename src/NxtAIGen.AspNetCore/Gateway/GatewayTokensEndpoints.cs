using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NxtAIGen.AspNetCore.Endpoints;
using NxtAIGen.AspNetCore.Internal;
using NxtAIGen.AspNetCore.Requests;

namespace NxtAIGen.AspNetCore.Gateway;

/// <summary>
/// <c>GET|POST {prefix}/gateway/tokens</c> and <c>DELETE {prefix}/gateway/tokens/{id}</c>: the signed-in user's
/// tokens for the OpenAI-compatible gateway. A new token is shown once, in the answer to its creation, and stored only
/// hashed. Cookie-authenticated changes need the antiforgery token (the group's filter).
/// </summary>
internal static partial class GatewayTokensEndpoints
{
    private const int MaxBodyBytes = 4096;
    private const int MaxNameLength = 100;

    public static async Task<IResult> ListAsync(HttpContext context, ICallerResolver callers, IGatewayTokenStore store)
    {
        var (userId, refusal) = await UserAsync(context, callers).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        var tokens = await store.ListAsync(userId!, context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Json(tokens.Select(GatewayTokenResponse.From).ToList(), NxtAIGenJsonContext.Default.ListGatewayTokenResponse);
    }

    public static async Task<IResult> CreateAsync(
        HttpContext context,
        ICallerResolver callers,
        IGatewayTokenStore store,
        IOptionsMonitor<NxtAIGenOptions> options,
        TimeProvider timeProvider,
        [FromServices] ILogger<GatewayTokenCreateBody> logger)
    {
        var (userId, refusal) = await UserAsync(context, callers).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        var (body, problem) = await JsonBodyReader.ReadAsync(context.Request, NxtAIGenJsonContext.Default.GatewayTokenCreateBody, MaxBodyBytes).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var name = body!.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength || name.Any(char.IsControl))
        {
            return ApiProblem.InvalidRequest($"Give the token a 'name' of 1 to {MaxNameLength} characters.");
        }

        var cancellationToken = context.RequestAborted;
        var max = options.CurrentValue.Gateway.MaxTokensPerUser;
        if ((await store.ListAsync(userId!, cancellationToken).ConfigureAwait(false)).Count >= max)
        {
            return ApiProblem.InvalidRequest($"You already have {max} gateway tokens, the most allowed; revoke one first.");
        }

        var text = GatewayTokenText.Generate();
        var token = new GatewayToken
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)),
            UserId = userId!,
            Name = name,
            TokenHash = GatewayTokenText.Hash(text),
            Hint = GatewayTokenText.Hint(text),
            CreatedAt = timeProvider.GetUtcNow(),
        };
        await store.CreateAsync(token, cancellationToken).ConfigureAwait(false);
        LogCreated(logger, token.Id, userId!);
        return TypedResults.Json(GatewayTokenResponse.From(token) with { Token = text }, NxtAIGenJsonContext.Default.GatewayTokenResponse, statusCode: StatusCodes.Status201Created);
    }

    public static async Task<IResult> DeleteAsync(string id, HttpContext context, ICallerResolver callers, IGatewayTokenStore store, [FromServices] ILogger<GatewayTokenCreateBody> logger)
    {
        var (userId, refusal) = await UserAsync(context, callers).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        if (!await store.DeleteAsync(userId!, id, context.RequestAborted).ConfigureAwait(false))
        {
            return new ApiProblem(StatusCodes.Status404NotFound, "not_found", "You have no gateway token with this id.");
        }

        LogRevoked(logger, id, userId!);
        return TypedResults.NoContent();
    }

    private static async Task<(string? UserId, ApiProblem? Refusal)> UserAsync(HttpContext context, ICallerResolver callers)
    {
        context.Response.Headers.CacheControl = "no-store";
        var caller = await callers.ResolveAsync(context).ConfigureAwait(false);
        return caller.IsUser
            ? (caller.Id, null)
            : (null, new ApiProblem(StatusCodes.Status401Unauthorized, "unauthorized", "Sign in to manage gateway tokens."));
    }

    [LoggerMessage(142, LogLevel.Information, "Created gateway token {TokenId} for user {UserId}.")]
    private static partial void LogCreated(ILogger logger, string tokenId, string userId);

    [LoggerMessage(143, LogLevel.Information, "Revoked gateway token {TokenId} of user {UserId}.")]
    private static partial void LogRevoked(ILogger logger, string tokenId, string userId);
}
