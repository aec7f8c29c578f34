using System.Text.RegularExpressions;
using ChatServer.Data;
using ChatServer.Http;
using Microsoft.EntityFrameworkCore;
using NxtAIGen.Abstractions;
using NxtAIGen.AspNetCore;

namespace ChatServer.Settings;

/// <summary><c>GET|PUT /api/settings</c> (default provider and model) and <c>POST /api/keys/{provider}/test</c>.</summary>
internal static partial class SettingsEndpoints
{
    private static readonly TimeSpan KeyTestTimeout = TimeSpan.FromSeconds(20);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/settings", GetAsync).AddEndpointFilter<RequireUserFilter>();
        api.MapPut("/settings", PutAsync).AddEndpointFilter<RequireUserFilter>();
        api.MapPost("/keys/{provider}/test", TestKeyAsync).AddEndpointFilter<RequireUserFilter>();
    }

    private static async Task<IResult> GetAsync(HttpContext context, ChatDbContext db)
    {
        var userId = Problems.UserId(context.User)!;
        var settings = await db.UserSettings.AsNoTracking().FirstOrDefaultAsync(s => s.UserId == userId, context.RequestAborted);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Json(new SettingsBody(settings?.DefaultProvider, settings?.DefaultModel), ChatServerJsonContext.Default.SettingsBody);
    }

    private static async Task<IResult> PutAsync(HttpContext context, ChatDbContext db, IChatProviderRegistry registry)
    {
        var (body, problem) = await JsonBody.ReadAsync(context, ChatServerJsonContext.Default.SettingsBody);
        if (problem is not null)
        {
            return problem;
        }

        if (body is null)
        {
            return Problems.Invalid("Send {\"default_provider\": ..., \"default_model\": ...}.");
        }

        var provider = string.IsNullOrWhiteSpace(body.DefaultProvider) ? null : body.DefaultProvider.Trim();
        var model = string.IsNullOrWhiteSpace(body.DefaultModel) ? null : body.DefaultModel.Trim();
        if (provider is not null)
        {
            if (!registry.TryGetDescriptor(provider, out var descriptor))
            {
                return Problems.Invalid($"Unknown provider '{provider}'.");
            }

            provider = descriptor.Id;
        }

        if (model is not null && !ModelPattern().IsMatch(model))
        {
            return Problems.Invalid("The model id may contain only letters, digits and . _ : / - (at most 128 characters).");
        }

        var userId = Problems.UserId(context.User)!;
        var settings = await db.UserSettings.FirstOrDefaultAsync(s => s.UserId == userId, context.RequestAborted);
        if (settings is null)
        {
            settings = new UserSettings { UserId = userId };
            db.UserSettings.Add(settings);
        }

        settings.DefaultProvider = provider;
        settings.DefaultModel = model;
        await db.SaveChangesAsync(context.RequestAborted);
        return TypedResults.Json(new SettingsBody(provider, model), ChatServerJsonContext.Default.SettingsBody);
    }

    /// <summary>Lists the provider's models with the user's stored key: <c>{ok: true}</c>, or <c>{ok: false, error}</c> when the provider refuses it.</summary>
    private static async Task<IResult> TestKeyAsync(
        string provider,
        HttpContext context,
        IChatProviderRegistry registry,
        IApiKeyStore keys,
        ApiKeyProtector protector,
        TimeProvider time)
    {
        context.Response.Headers.CacheControl = "no-store";
        if (!registry.TryGetDescriptor(provider, out var descriptor))
        {
            return Problems.Of(StatusCodes.Status404NotFound, "unknown_provider", $"Unknown provider '{provider}'.");
        }

        var userId = Problems.UserId(context.User)!;
        var stored = await keys.GetAsync(ApiKeyOwner.ForUser(userId), descriptor.Id, context.RequestAborted);
        if (stored is null || !protector.TryUnprotect(stored, out var credentials))
        {
            return Problems.NotFound($"No stored key for provider '{descriptor.Id}'.");
        }

        using var timeout = new CancellationTokenSource(KeyTestTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, timeout.Token);
        string? error = null;
        try
        {
            await registry.GetProvider(descriptor.Id, credentials.ApiKey, credentials.BaseUrl).ListModelsAsync(linked.Token);
        }
        catch (NxtAIGenProviderException ex) when (ex.Kind is ProviderErrorKind.Authentication or ProviderErrorKind.Permission)
        {
            error = $"{descriptor.Name} refused this key ({(ex.Kind == ProviderErrorKind.Authentication ? "not valid" : "no access")}).";
        }
        catch (NxtAIGenProviderException ex)
        {
            error = $"{descriptor.Name} answered with an error: {ex.Message.Replace(credentials.ApiKey, "***", StringComparison.Ordinal)}";
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !context.RequestAborted.IsCancellationRequested)
        {
            error = $"{descriptor.Name} did not answer in time.";
        }
        catch (HttpRequestException)
        {
            error = $"{descriptor.Name} could not be reached.";
        }

        return TypedResults.Json(new KeyTestResponse(error is null, error), ChatServerJsonContext.Default.KeyTestResponse);
    }

    [GeneratedRegex("^[A-Za-z0-9._:/-]{1,128}$")]
    private static partial Regex ModelPattern();
}
