using System.Data.Common;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace NxtAIGen.AspNetCore.Tests;

/// <summary>A shared store that cannot be reached gives 503 <c>store_unavailable</c> at once; other failures stay failures.</summary>
public sealed class StoreUnavailableTests
{
    [Fact]
    public async Task ChatStream_WhenTheQuotaStoreIsUnavailable_Is503StoreUnavailable_WithRetryAfter_AndNoDetails()
    {
        await using var app = await StartAsync(new NxtAIGenStoreUnavailableException("Redis", new IOException("redis.internal:6379 refused the connection")));

        using var response = await app.ChatAsync();
        var problem = await KeyRequests.AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable, "store_unavailable");
        var text = problem.GetRawText();

        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        Assert.DoesNotContain("redis.internal", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.Equal(0, app.Provider.Calls);
    }

    [Fact]
    public async Task ResumableChat_WhenTheStreamBufferIsUnavailable_Is503_AndChargesNothing()
    {
        var settings = ResumeRequests.Enabled();
        await using var app = await TestApp.StartAsync(
            settings,
            configure: b => b.Services.Replace(ServiceDescriptor.Singleton<IResumableStreamStore>(new UnreachableStreamStore())));

        using var response = await app.ChatAsync();
        await KeyRequests.AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable, "store_unavailable");
        var cookie = QuotaHttp.IssuedCookie(response);

        Assert.Equal(0, app.Provider.Calls);
        Assert.Equal(0, (await app.LimitsAsync(cookie: cookie)).GetProperty("usage").GetProperty("guest").GetInt32());
    }

    [Fact]
    public async Task Limits_WhenADatabaseFailsTransiently_Is503StoreUnavailable()
    {
        await using var app = await StartAsync(new TransientDbException());

        using var response = await KeyRequests.SendAsync(app, HttpMethod.Get, "/api/limits", user: "dana");

        await KeyRequests.AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable, "store_unavailable");
    }

    [Fact]
    public async Task Gateway_WhenTheQuotaStoreIsUnavailable_Is503InOpenAIsShape()
    {
        await using var app = await TestApp.StartAsync(
            GatewayRequests.WithServerKey(new() { ["NxtAIGen:RateLimiting:Enabled"] = "false" }),
            configure: b => b.Services.Replace(ServiceDescriptor.Singleton<IQuotaStore>(new FailingQuotaStore(new NxtAIGenStoreUnavailableException("Redis")))));

        using var response = await GatewayRequests.PostAsync(app, """{"model": "fake/fake-1", "messages": [{"role": "user", "content": "hi"}]}""");

        await GatewayRequests.AssertErrorAsync(response, 503, "server_error", "store_unavailable");
        Assert.Equal(0, app.Provider.Calls);
    }

    [Fact]
    public async Task ChatStream_WhenTheStoreHasABug_IsNotReportedAsUnavailable()
    {
        await using var app = await StartAsync(new InvalidOperationException("a bug"));

        var status = await Record.ExceptionAsync(async () =>
        {
            using var response = await app.ChatAsync();
            Assert.NotEqual(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        });

        // The test server rethrows the app's unhandled exception; a real server answers 500.
        Assert.True(status is null or InvalidOperationException, status?.ToString());
    }

    private static Task<TestApp> StartAsync(Exception failure) => TestApp.StartAsync(
        new() { ["NxtAIGen:RateLimiting:Enabled"] = "false" },
        configure: b => b.Services.Replace(ServiceDescriptor.Singleton<IQuotaStore>(new FailingQuotaStore(failure))));

    private sealed class FailingQuotaStore(Exception failure) : IQuotaStore
    {
        public ValueTask<QuotaReservation> TryReserveAsync(IReadOnlyList<QuotaWindow> windows, DateTimeOffset now, CancellationToken cancellationToken) => throw failure;

        public ValueTask CommitAsync(string reservationId, CancellationToken cancellationToken) => throw failure;

        public ValueTask ReleaseAsync(string reservationId, CancellationToken cancellationToken) => throw failure;

        public ValueTask<IReadOnlyList<QuotaWindowUsage>> GetUsageAsync(IReadOnlyList<QuotaWindow> windows, DateTimeOffset now, CancellationToken cancellationToken) => throw failure;
    }

    private sealed class TransientDbException : DbException
    {
        public TransientDbException()
            : base("could not connect to server db.internal:5432")
        {
        }

        public override bool IsTransient => true;
    }

    private sealed class UnreachableStreamStore : IResumableStreamStore
    {
        private static NxtAIGenStoreUnavailableException Down => new("Redis");

        public ValueTask CreateAsync(string streamId, string owner, CancellationToken cancellationToken) => throw Down;

        public ValueTask<ResumableStreamInfo?> FindAsync(string streamId, CancellationToken cancellationToken) => throw Down;

        public ValueTask AppendAsync(string streamId, ResumableStreamEvent item, int maxEvents, TimeSpan bufferLifetime, CancellationToken cancellationToken) => throw Down;

        public IAsyncEnumerable<ResumableStreamEvent> ReadAsync(string streamId, long afterId, CancellationToken cancellationToken) => throw Down;

        public ValueTask AttachReaderAsync(string streamId, CancellationToken cancellationToken) => throw Down;

        public ValueTask DetachReaderAsync(string streamId, CancellationToken cancellationToken) => throw Down;

        public ValueTask RequestStopAsync(string streamId, CancellationToken cancellationToken) => throw Down;

        public ValueTask<IAsyncDisposable> WatchAsync(string streamId, Action<ResumableStreamSignal> onSignal, CancellationToken cancellationToken) => throw Down;
    }
}
