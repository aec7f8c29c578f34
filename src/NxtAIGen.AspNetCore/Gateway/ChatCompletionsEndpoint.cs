using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using NxtAIGen.Abstractions;
using NxtAIGen.AspNetCore.Internal;
using NxtAIGen.AspNetCore.Quotas;
using NxtAIGen.AspNetCore.RateLimiting;
using NxtAIGen.AspNetCore.Requests;
using NxtAIGen.AspNetCore.Streaming;

namespace NxtAIGen.AspNetCore.Gateway;

/// <summary>
/// <c>POST /v1/chat/completions</c>: the same pipeline as <c>chat/stream</c> (rate limits, the provider's key by
/// precedence, the quota reservation, retries before the first content, idle timeout, one charge per completed answer),
/// answered in OpenAI's wire format, streamed or not.
/// </summary>
internal static class ChatCompletionsEndpoint
{
    public static async Task HandleAsync(HttpContext context, GatewayEndpointServices s)
    {
        var startedAt = s.TimeProvider.GetTimestamp();
        var (gatewayCaller, refusal) = await s.Authenticator.AuthenticateAsync(context).ConfigureAwait(false);
        if (refusal is not null)
        {
            await refusal.ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var caller = gatewayCaller!.Caller;
        context.User = gatewayCaller.Principal;
        using var rateLease = s.RateLimiter.Acquire(ChatStreamRateLimiterPolicy.UserKey(caller.Id));
        if (!rateLease.IsAcquired)
        {
            await OpenAIError.RateLimited(ChatStreamRateLimiterPolicy.RetryAfter(rateLease)).ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var options = s.Options.CurrentValue;
        var (body, problem) = await ChatRequestReader.ReadAsync(context.Request, options.Requests.MaxRequestBytes, NxtAIGenJsonContext.Default.OpenAIChatCompletionRequest).ConfigureAwait(false);
        if (problem is not null)
        {
            await OpenAIError.FromProblem(problem).ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var (descriptor, model, modelError) = OpenAIRequestMapper.ResolveModel(body!.Model, s.Registry);
        if (modelError is not null)
        {
            await modelError.ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        // Providers and models an administrator switched off are refused here exactly as on chat/stream.
        if (!await s.Availability.IsProviderAvailableAsync(descriptor!.Id, context.RequestAborted).ConfigureAwait(false)
            || !await s.Availability.IsModelAvailableAsync(descriptor.Id, model!, context.RequestAborted).ConfigureAwait(false))
        {
            await OpenAIError.ModelNotFound(body.Model!.Trim()).ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var (request, mapError) = OpenAIRequestMapper.Map(body, descriptor!, model!, options.Requests, options.Gateway, s.Attachments);
        if (mapError is not null)
        {
            await mapError.ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var credentials = await s.Keys.ResolveCredentialsAsync(caller, descriptor!.Id, context.RequestAborted).ConfigureAwait(false);
        if (credentials is null && !descriptor.Configured)
        {
            await OpenAIError.FromProblem(Endpoints.ApiProblem.NotConfigured(descriptor.Id)).ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var (lease, quotaRefusal) = await s.Quota.EnterAsync(context, caller, descriptor.Id, request!.Model, context.RequestAborted).ConfigureAwait(false);
        if (quotaRefusal is not null)
        {
            await OpenAIError.FromProblem(quotaRefusal).ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var provider = s.Registry.GetProvider(descriptor.Id, credentials?.ApiKey, credentials?.BaseUrl);
        var label = descriptor.Id + "/" + request.Model;
        var start = new ChatStreamStart
        {
            HttpContext = context,
            RequestId = Guid.CreateVersion7().ToString("N"),
            Caller = caller,
            ProviderId = descriptor.Id,
            Model = request.Model!,
            Request = request,
        };
        var candidates = await s.Fallbacks.ResolveAsync(caller, descriptor, provider, request, context.RequestAborted).ConfigureAwait(false);
        if (body.Stream == true)
        {
            var includeUsage = body.StreamOptions?.IncludeUsage == true;
            await s.Runner.RunAsync(context, candidates, lease!, startedAt, start, [], (ctx, streaming, time) =>
                ValueTask.FromResult<IChatStreamWriter>(new OpenAIStreamWriter(ctx, time, streaming.HeartbeatInterval, label, includeUsage))).ConfigureAwait(false);
        }
        else
        {
            await s.Runner.RunAsync(context, candidates, lease!, startedAt, start, [], (ctx, _, time) =>
                ValueTask.FromResult<IChatStreamWriter>(new OpenAICompletionWriter(ctx, time, label))).ConfigureAwait(false);
        }
    }
}
