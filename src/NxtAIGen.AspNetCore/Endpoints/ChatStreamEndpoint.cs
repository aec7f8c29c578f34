using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using NxtAIGen.Abstractions;
using NxtAIGen.AspNetCore.Quotas;
using NxtAIGen.AspNetCore.Requests;
using NxtAIGen.AspNetCore.Resume;
using NxtAIGen.AspNetCore.Streaming;

namespace NxtAIGen.AspNetCore.Endpoints;

/// <summary><c>POST {prefix}/chat/stream</c>: validate, resolve the provider, then stream.</summary>
internal static class ChatStreamEndpoint
{
    public static async Task HandleAsync(
        HttpContext context,
        IChatProviderRegistry registry,
        IOptionsMonitor<NxtAIGenOptions> options,
        AttachmentReader attachments,
        ChatStreamRunner runner,
        ICallerResolver callers,
        IProviderKeyResolver keys,
        IChatQuotaGate quota,
        IProviderAvailability availability,
        IEnumerable<IChatStreamObserver> observers,
        FallbackResolver fallbacks,
        ResumableStreams resumable,
        TimeProvider timeProvider)
    {
        var startedAt = timeProvider.GetTimestamp();
        var cancellationToken = context.RequestAborted;
        var limits = options.CurrentValue.Requests;
        var (body, problem) = await ChatRequestReader.ReadAsync(context.Request, limits.MaxRequestBytes).ConfigureAwait(false);
        if (problem is not null)
        {
            await problem.ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var providerId = string.IsNullOrWhiteSpace(body!.Provider) ? registry.DefaultProviderId : body.Provider.Trim();
        if (providerId is null)
        {
            await ApiProblem.InvalidRequest("No provider was given and no default provider is configured (NxtAIGen:DefaultProvider).").ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        if (!registry.TryGetDescriptor(providerId, out var descriptor) || !descriptor.Enabled
            || !await availability.IsProviderAvailableAsync(descriptor.Id, cancellationToken).ConfigureAwait(false))
        {
            await ApiProblem.UnknownProvider(providerId).ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var (request, mapProblem) = ChatRequestMapper.Map(body, descriptor, limits, attachments);
        if (mapProblem is not null)
        {
            await mapProblem.ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        if (!await availability.IsModelAvailableAsync(descriptor.Id, request!.Model!, cancellationToken).ConfigureAwait(false))
        {
            await ApiProblem.InvalidRequest($"The model '{request.Model}' is not available for the provider '{descriptor.Id}'.").ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var caller = await callers.ResolveAsync(context).ConfigureAwait(false);
        var credentials = await keys.ResolveCredentialsAsync(caller, descriptor.Id, cancellationToken).ConfigureAwait(false);
        if (credentials is null && !descriptor.Configured)
        {
            await ApiProblem.NotConfigured(descriptor.Id).ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var (lease, refusal) = await quota.EnterAsync(context, caller, descriptor.Id, request.Model, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            await refusal.ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var observerList = observers as IReadOnlyList<IChatStreamObserver> ?? [.. observers];
        var start = new ChatStreamStart
        {
            HttpContext = context,
            RequestId = Guid.CreateVersion7().ToString("N"),
            Caller = caller,
            ProviderId = descriptor.Id,
            Model = request.Model!,
            Request = request,
            ConversationId = string.IsNullOrWhiteSpace(body.ConversationId) ? null : body.ConversationId.Trim(),
            AdditionalFields = body.Extra ?? [],
        };
        foreach (var observer in observerList)
        {
            ChatStreamRefusal? observerRefusal;
            try
            {
                observerRefusal = await observer.OnStartAsync(start, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await lease!.ReleaseAsync().ConfigureAwait(false);
                throw;
            }

            if (observerRefusal is not null)
            {
                await lease!.ReleaseAsync().ConfigureAwait(false);
                await new ApiProblem(observerRefusal.Status, observerRefusal.Code, observerRefusal.Error).ExecuteAsync(context).ConfigureAwait(false);
                return;
            }
        }

        var upstreamRequest = ChatHistoryTrimmer.Trim(request, limits.MaxHistoryTokens);
        var provider = registry.GetProvider(descriptor.Id, credentials?.ApiKey, credentials?.BaseUrl);
        var candidates = await fallbacks.ResolveAsync(caller, descriptor, provider, upstreamRequest, cancellationToken).ConfigureAwait(false);
        if (options.CurrentValue.Streaming.Resume.Enabled)
        {
            // The generation outlives this request: it runs into the resumable-stream buffer, which this request reads.
            await resumable.StartAsync(context, candidates, lease!, startedAt, start, observerList).ConfigureAwait(false);
            return;
        }

        await runner.RunAsync(context, candidates, lease!, startedAt, start, observerList).ConfigureAwait(false);
    }
}
