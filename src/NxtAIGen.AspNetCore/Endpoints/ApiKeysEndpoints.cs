using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using NxtAIGen.Abstractions;
using NxtAIGen.AspNetCore.Internal;
using NxtAIGen.AspNetCore.Keys;
using NxtAIGen.AspNetCore.Requests;

namespace NxtAIGen.AspNetCore.Endpoints;

/// <summary>
/// <c>GET|PUT|DELETE {prefix}/keys[/{provider}]</c> for the signed-in user's own keys and the same under
/// <c>{prefix}/admin/keys</c> for server-wide keys (behind the admin policy). No response ever contains a key.
/// </summary>
internal static partial class ApiKeysEndpoints
{
    private const int MaxBodyBytes = 16 * 1024;

    public static async Task<IResult> ListUserAsync(HttpContext context, [FromServices] ApiKeyEndpointServices s)
    {
        var (owner, refusal) = await UserOwnerAsync(context, s).ConfigureAwait(false);
        return refusal ?? await ListAsync(owner, s, context.RequestAborted).ConfigureAwait(false);
    }

    public static async Task<IResult> PutUserAsync(string provider, HttpContext context, [FromServices] ApiKeyEndpointServices s)
    {
        var (owner, refusal) = await UserOwnerAsync(context, s).ConfigureAwait(false);
        return refusal ?? await PutAsync(owner, provider, context, s).ConfigureAwait(false);
    }

    public static async Task<IResult> DeleteUserAsync(string provider, HttpContext context, [FromServices] ApiKeyEndpointServices s)
    {
        var (owner, refusal) = await UserOwnerAsync(context, s).ConfigureAwait(false);
        return refusal ?? await DeleteAsync(owner, provider, s, context.RequestAborted).ConfigureAwait(false);
    }

    public static async Task<IResult> ListServerAsync(HttpContext context, [FromServices] ApiKeyEndpointServices s) =>
        await AdminRefusalAsync(context, s).ConfigureAwait(false)
        ?? await ListAsync(ApiKeyOwner.Server, s, context.RequestAborted).ConfigureAwait(false);

    public static async Task<IResult> PutServerAsync(string provider, HttpContext context, [FromServices] ApiKeyEndpointServices s) =>
        await AdminRefusalAsync(context, s).ConfigureAwait(false)
        ?? await PutAsync(ApiKeyOwner.Server, provider, context, s).ConfigureAwait(false);

    public static async Task<IResult> DeleteServerAsync(string provider, HttpContext context, [FromServices] ApiKeyEndpointServices s) =>
        await AdminRefusalAsync(context, s).ConfigureAwait(false)
        ?? await DeleteAsync(ApiKeyOwner.Server, provider, s, context.RequestAborted).ConfigureAwait(false);

    private static async Task<(ApiKeyOwner Owner, ApiProblem? Refusal)> UserOwnerAsync(HttpContext context, ApiKeyEndpointServices s)
    {
        context.Response.Headers.CacheControl = "no-store";
        var caller = await s.Callers.ResolveAsync(context).ConfigureAwait(false);
        return caller.IsUser
            ? (ApiKeyOwner.ForUser(caller.Id), null)
            : (default, Unauthorized());
    }

    private static async Task<ApiProblem?> AdminRefusalAsync(HttpContext context, ApiKeyEndpointServices s)
    {
        context.Response.Headers.CacheControl = "no-store";
        var caller = await s.Callers.ResolveAsync(context).ConfigureAwait(false);
        if (!caller.IsUser)
        {
            return Unauthorized();
        }

        var name = s.Options.AdminPolicy;
        var policy = await s.Policies.GetPolicyAsync(name).ConfigureAwait(false);
        if (policy is null)
        {
            LogAdminPolicyMissing(s.Logger, name);
            return Forbidden("Server-wide keys can be managed only by admins, and this server defines no admin policy.");
        }

        var result = await s.Authorization.AuthorizeAsync(context.User, policy).ConfigureAwait(false);
        return result.Succeeded ? null : Forbidden("Only admins can manage server-wide keys.");
    }

    private static async Task<IResult> ListAsync(ApiKeyOwner owner, ApiKeyEndpointServices s, CancellationToken cancellationToken)
    {
        var keys = await s.Store.ListAsync(owner, cancellationToken).ConfigureAwait(false);
        var items = keys.Select(ApiKeyInfoResponse.From).ToList();
        return TypedResults.Json(items, NxtAIGenJsonContext.Default.ListApiKeyInfoResponse);
    }

    private static async Task<IResult> PutAsync(ApiKeyOwner owner, string provider, HttpContext context, ApiKeyEndpointServices s)
    {
        var cancellationToken = context.RequestAborted;
        if (!s.Registry.TryGetDescriptor(provider, out var descriptor) || !descriptor.Enabled)
        {
            return ApiProblem.UnknownProvider(provider);
        }

        var (body, problem) = await JsonBodyReader.ReadAsync(context.Request, NxtAIGenJsonContext.Default.ApiKeyPutBody, MaxBodyBytes).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var apiKey = body!.ApiKey?.Trim();
        if (ApiKeyText.Validate(apiKey, s.Options.MaxApiKeyLength) is { } invalid)
        {
            return ApiProblem.InvalidRequest(invalid);
        }

        Uri? baseUrl = null;
        if (!string.IsNullOrWhiteSpace(body.BaseUrl))
        {
            (baseUrl, var refusal) = await s.BaseUrls.CheckAsync(body.BaseUrl, owner.Scope == ApiKeyScope.User, cancellationToken).ConfigureAwait(false);
            if (refusal is not null)
            {
                LogBaseUrlRefused(s.Logger, descriptor.Id, owner.Scope, refusal);
                return ApiProblem.InvalidRequest(refusal);
            }
        }

        if (body.Verify == true && await VerifyAsync(descriptor, apiKey!, baseUrl, s, cancellationToken).ConfigureAwait(false) is { } failed)
        {
            return failed;
        }

        var stored = s.Protector.Protect(owner, descriptor.Id, apiKey!, baseUrl);
        await s.Store.SetAsync(stored, cancellationToken).ConfigureAwait(false);
        LogStored(s.Logger, owner.Scope, descriptor.Id, owner.UserId);
        return TypedResults.Json(ApiKeyInfoResponse.From(stored), NxtAIGenJsonContext.Default.ApiKeyInfoResponse);
    }

    private static async Task<IResult> DeleteAsync(ApiKeyOwner owner, string provider, ApiKeyEndpointServices s, CancellationToken cancellationToken)
    {
        var id = s.Registry.TryGetDescriptor(provider, out var descriptor) ? descriptor.Id : provider;
        if (!await s.Store.DeleteAsync(owner, id, cancellationToken).ConfigureAwait(false))
        {
            return new ApiProblem(StatusCodes.Status404NotFound, "not_found", $"No stored key for provider '{provider}'.");
        }

        LogDeleted(s.Logger, owner.Scope, id, owner.UserId);
        return TypedResults.NoContent();
    }

    /// <summary>Lists the provider's models with the new key; a refusal by the provider is a 400, other failures a 502.</summary>
    private static async Task<ApiProblem?> VerifyAsync(ChatProviderDescriptor descriptor, string apiKey, Uri? baseUrl, ApiKeyEndpointServices s, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(s.Options.VerifyTimeout, s.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var provider = s.Registry.GetProvider(descriptor.Id, apiKey, baseUrl);
            await provider.ListModelsAsync(linked.Token).ConfigureAwait(false);
            return null;
        }
        catch (NxtAIGenProviderException ex) when (ex.Kind is ProviderErrorKind.Authentication or ProviderErrorKind.Permission)
        {
            LogVerifyRefused(s.Logger, descriptor.Id, ex.Kind);
            return ApiProblem.InvalidRequest($"{descriptor.Name} refused this API key ({(ex.Kind == ProviderErrorKind.Authentication ? "the key is not valid" : "the key has no access")}); it was not saved.");
        }
        catch (NxtAIGenProviderException ex)
        {
            var message = ProviderErrors.Redact(ex.Message, apiKey);
            return new ApiProblem(StatusCodes.Status502BadGateway, "provider_error", $"The key could not be verified, so it was not saved: {message}");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new ApiProblem(StatusCodes.Status502BadGateway, "provider_error", $"The key could not be verified, so it was not saved: {descriptor.Name} did not answer in time.");
        }
        catch (HttpRequestException)
        {
            return new ApiProblem(StatusCodes.Status502BadGateway, "provider_error", $"The key could not be verified, so it was not saved: {descriptor.Name} could not be reached.");
        }
    }

    private static ApiProblem Unauthorized() =>
        new(StatusCodes.Status401Unauthorized, "unauthorized", "Sign in to manage API keys.");

    private static ApiProblem Forbidden(string error) => new(StatusCodes.Status403Forbidden, "forbidden", error);

    [LoggerMessage(130, LogLevel.Information, "Stored the {Scope} API key for provider {ProviderId} (user {UserId}).")]
    private static partial void LogStored(ILogger logger, ApiKeyScope scope, string providerId, string? userId);

    [LoggerMessage(131, LogLevel.Information, "Deleted the {Scope} API key for provider {ProviderId} (user {UserId}).")]
    private static partial void LogDeleted(ILogger logger, ApiKeyScope scope, string providerId, string? userId);

    [LoggerMessage(132, LogLevel.Information, "Provider {ProviderId} refused a key being verified ({Kind}); it was not stored.")]
    private static partial void LogVerifyRefused(ILogger logger, string providerId, ProviderErrorKind kind);

    [LoggerMessage(133, LogLevel.Warning, "Refused a {Scope} base URL for provider {ProviderId}: {Reason}")]
    private static partial void LogBaseUrlRefused(ILogger logger, string providerId, ApiKeyScope scope, string reason);

    [LoggerMessage(134, LogLevel.Warning, "Refused a server-wide key request: the admin authorization policy '{Policy}' is not defined by the host.")]
    private static partial void LogAdminPolicyMissing(ILogger logger, string policy);
}
