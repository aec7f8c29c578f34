using ChatServer.Data;
using ChatServer.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NxtAIGen.AspNetCore;
using NxtAIGen.Storage.EntityFrameworkCore;

namespace ChatServer.Accounts;

/// <summary><c>/api/auth/logout</c>, <c>/api/auth/external</c> and <c>GET|DELETE /api/me</c>.</summary>
internal static class AccountEndpoints
{
    public static void Map(RouteGroupBuilder api, RouteGroupBuilder auth)
    {
        auth.MapPost("/logout", LogoutAsync);
        auth.MapGet("/external", External);
        api.MapGet("/me", MeAsync);
        api.MapDelete("/me", DeleteMeAsync).AddEndpointFilter<RequireUserFilter>();
    }

    private static async Task<IResult> LogoutAsync(SignInManager<ChatUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    private static JsonHttpResult<List<ExternalLoginResponse>> External(IConfiguration configuration) =>
        TypedResults.Json(
            GitHubSignIn.IsConfigured(configuration) ? [new ExternalLoginResponse("github", "GitHub", GitHubSignIn.StartPath)] : new List<ExternalLoginResponse>(),
            ChatServerJsonContext.Default.ListExternalLoginResponse);

    private static async Task<IResult> MeAsync(HttpContext context, UserManager<ChatUser> users)
    {
        context.Response.Headers.CacheControl = "no-store";
        var id = Problems.UserId(context.User);
        var user = id is null ? null : await users.FindByIdAsync(id);
        var me = user is null
            ? new MeResponse(false, null, null, false, null)
            : new MeResponse(true, user.Id, user.Email, context.User.IsInRole(AdminRule.Role), user.GitHubLogin);
        return TypedResults.Json(me, ChatServerJsonContext.Default.MeResponse);
    }

    /// <summary>Deletes the account and everything kept for it: conversations, settings, keys, gateway tokens, plan override, usage and quota records.</summary>
    private static async Task<IResult> DeleteMeAsync(
        HttpContext context,
        UserManager<ChatUser> users,
        SignInManager<ChatUser> signIn,
        ChatDbContext db,
        IApiKeyStore keys,
        IGatewayTokenStore gatewayTokens,
        IUserPlanStore plans,
        IDbContextFactory<NxtAIGenDbContext> nxt)
    {
        var cancellationToken = context.RequestAborted;
        var id = Problems.UserId(context.User)!;
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            await signIn.SignOutAsync();
            return TypedResults.NoContent();
        }

        foreach (var key in await keys.ListAsync(ApiKeyOwner.ForUser(id), cancellationToken))
        {
            await keys.DeleteAsync(key.Owner, key.ProviderId, cancellationToken);
        }

        await gatewayTokens.DeleteAllAsync(id, cancellationToken);
        await plans.SetAsync(id, null, cancellationToken);
        await using (var store = await nxt.CreateDbContextAsync(cancellationToken))
        {
            await store.UsageRecords.Where(r => r.CallerKind == ChatCallerKind.User && r.CallerId == id).ExecuteDeleteAsync(cancellationToken);
            var quotaPrefix = "user:" + id + ":";
            await store.QuotaUses.Where(q => q.CounterKey.StartsWith(quotaPrefix)).ExecuteDeleteAsync(cancellationToken);
        }

        await db.Messages.Where(m => db.Conversations.Any(c => c.Id == m.ConversationId && c.UserId == id)).ExecuteDeleteAsync(cancellationToken);
        await db.Conversations.Where(c => c.UserId == id).ExecuteDeleteAsync(cancellationToken);
        await db.UserSettings.Where(s => s.UserId == id).ExecuteDeleteAsync(cancellationToken);
        var result = await users.DeleteAsync(user);
        if (!result.Succeeded)
        {
            return Problems.Of(StatusCodes.Status500InternalServerError, "internal", "The account could not be deleted.");
        }

        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }
}
