using System.Text;
using System.Text.Json;

namespace NxtAIGen.FaultTests;

/// <summary>
/// One fault per test, against the real app on Kestrel and a misbehaving upstream on real sockets: the client gets
/// docs/reliability.md's outcome, is charged only for a <c>done</c>, and nothing stays open afterwards.
/// </summary>
public sealed class UpstreamFaultTests : IAsyncLifetime
{
    private FaultyUpstream _upstream = null!;
    private FaultApp _app = null!;

    public async Task InitializeAsync()
    {
        _upstream = FaultyUpstream.Start();
        _app = await FaultApp.StartAsync(_upstream);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task ConnectionReset_AfterContent_ErrorEventNotRetriedNotCharged()
    {
        var contentSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _upstream.Then(async e =>
        {
            await e.WriteHeadersAsync(200);
            await e.WriteEventAsync(Upstream.Content("Hello"));
            await contentSeen.Task.WaitAsync(Poll.Deadline);
            e.Reset();
        });

        await using (var session = await _app.OpenChatAsync())
        {
            await session.ExpectAsync("start");
            Assert.Equal("Hello", (await session.ExpectAsync("content")).GetProperty("content").GetString());
            contentSeen.SetResult();
            var error = await session.ExpectAsync("error");
            Assert.Equal("provider_error", error.GetProperty("code").GetString());
            Assert.DoesNotContain("sk-upstream", error.GetProperty("error").GetString(), StringComparison.Ordinal);
            Assert.Empty(await session.ReadToEndAsync());
        }

        Assert.Equal(1, _upstream.RequestCount);
        Assert.Equal(FaultApp.GuestLimit, await _app.GuestRemainingAsync());
        await _app.AssertNothingLeftAsync();
    }

    [Fact]
    public async Task ConnectionReset_BeforeHeaders_RetriedThenSucceeds()
    {
        _upstream.Then(e => { e.Reset(); return Task.CompletedTask; }).Then(Upstream.Good);

        await using (var session = await _app.OpenChatAsync())
        {
            await session.ExpectAsync("start");
            await _app.AdvanceUntilAsync(() => _upstream.RequestCount >= 2, "the retry after the reset");
            await AssertGoodAnswerAsync(session);
        }

        Assert.Equal(FaultApp.GuestLimit - 1, await _app.GuestRemainingAsync());
        await _app.AssertNothingLeftAsync();
    }

    [Fact]
    public async Task TooManyRequests_WithRetryAfter_WaitsThatLongThenSucceeds()
    {
        _upstream
            .Then(e => e.WriteErrorAsync(429, "Too Many Requests", """{"error":{"message":"Rate limit reached","type":"requests","code":"rate_limit_exceeded"}}""", "Retry-After: 7"))
            .Then(Upstream.Good);

        await using (var session = await _app.OpenChatAsync())
        {
            await session.ExpectAsync("start");
            await _app.AdvanceUntilAsync(() => _upstream.RequestCount >= 2, "the retry after the 429");
            await AssertGoodAnswerAsync(session);
        }

        var exchanges = _upstream.Exchanges;
        Assert.Equal(2, exchanges.Count);
        Assert.True(exchanges[1].ArrivedAt - exchanges[0].ArrivedAt >= TimeSpan.FromSeconds(7), $"the retry came {exchanges[1].ArrivedAt - exchanges[0].ArrivedAt} after the 429, before its Retry-After");
        Assert.Equal(FaultApp.GuestLimit - 1, await _app.GuestRemainingAsync());
        await _app.AssertNothingLeftAsync();
    }

    [Fact]
    public async Task TooManyRequests_Always_ErrorEventWithRetryAfterNotCharged()
    {
        _upstream.Then(e => e.WriteErrorAsync(429, "Too Many Requests", """{"error":{"message":"Rate limit reached","code":"rate_limit_exceeded"}}""", "Retry-After: 3"));

        await using (var session = await _app.OpenChatAsync())
        {
            await session.ExpectAsync("start");
            await _app.AdvanceUntilAsync(() => _upstream.RequestCount >= 3, "three attempts");
            var error = await session.ExpectAsync("error");
            Assert.Equal("rate_limited", error.GetProperty("code").GetString());
            Assert.Equal(3, error.GetProperty("retry_after").GetInt32());
            Assert.Empty(await session.ReadToEndAsync());
        }

        Assert.Equal(3, _upstream.RequestCount);
        Assert.Equal(FaultApp.GuestLimit, await _app.GuestRemainingAsync());
        await _app.AssertNothingLeftAsync();
    }

    [Fact]
    public async Task TooManyRequests_RetryAfterPastTheMaximum_NotRetriedErrorCarriesIt()
    {
        _upstream.Then(e => e.WriteErrorAsync(429, "Too Many Requests", """{"error":{"message":"Rate limit reached","code":"rate_limit_exceeded"}}""", "Retry-After: 60"));

        await using (var session = await _app.OpenChatAsync())
        {
            await session.ExpectAsync("start");
            var error = await session.ExpectAsync("error");
            Assert.Equal("rate_limited", error.GetProperty("code").GetString());
            Assert.Equal(60, error.GetProperty("retry_after").GetInt32());
        }

        Assert.Equal(1, _upstream.RequestCount);
        Assert.Equal(FaultApp.GuestLimit, await _app.GuestRemainingAsync());
        await _app.AssertNothingLeftAsync();
    }

    [Fact]
    public async Task ClientDisconnects_DuringRetryAfterWait_NoFurtherAttemptNotCharged()
    {
        _upstream.Then(e => e.WriteErrorAsync(429, "Too Many Requests", """{"error":{"message":"Rate limit reached","code":"rate_limit_exceeded"}}""", "Retry-After: 10"));

        await using (var session = await _app.OpenChatAsync())
        {
            await session.ExpectAsync("start");
            await _upstream.WaitForRequestsAsync(1);
        }

        await _app.AssertNothingLeftAsync();
        // The sockets are closed before the server has seen the disconnect end the stream: wait for that, then move the
        // clock past the Retry-After, which must not start a second attempt.
        await Poll.UntilAsync(() => _app.Tracker.Ended == 1, "the stream to end after the client left");
        _app.Time.Advance(TimeSpan.FromSeconds(30));
        await _upstream.AllEndedAsync();
        Assert.Equal(1, _upstream.RequestCount);
        Assert.Equal(FaultApp.GuestLimit, await _app.GuestRemainingAsync());
    }

    [Fact]
    public async Task ServerError_ThenSuccess_RetriedAndCharged()
    {
        _upstream
            .Then(e => e.WriteErrorAsync(500, "Internal Server Error", """{"error":{"message":"The server had an error","type":"server_error"}}"""))
            .Then(Upstream.Good);

        await using (var session = await _app.OpenChatAsync())
        {
            await session.ExpectAsync("start");
            await _app.AdvanceUntilAsync(() => _upstream.RequestCount >= 2, "the retry after the 500");
            await AssertGoodAnswerAsync(session);
        }

        Assert.Equal(2, _upstream.RequestCount);
        Assert.Equal(FaultApp.GuestLimit - 1, await _app.GuestRemainingAsync());
        await _app.AssertNothingLeftAsync();
    }

    [Fact]
    public async Task AnthropicOverloaded529_EveryAttempt_OverloadedErrorNotCharged()
    {
        _upstream.Then(e => e.WriteErrorAsync(529, "Overloaded", """{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}""", "retry-after: 2"));

        await using (var session = await _app.OpenChatAsync("anthropic"))
        {
            await session.ExpectAsync("start");
            await _app.AdvanceUntilAsync(() => _upstream.RequestCount >= 3, "three attempts");
            var error = await session.ExpectAsync("error");
            Assert.Equal("overloaded", error.GetProperty("code").GetString());
            Assert.Equal(2, error.GetProperty("retry_after").GetInt32());
            Assert.Empty(await session.ReadToEndAsync());
        }

        Assert.Equal(3, _upstream.RequestCount);
        Assert.All(_upstream.Exchanges, e => Assert.StartsWith("POST /v1/messages ", e.RequestLine, StringComparison.Ordinal));
        Assert.Equal(FaultApp.GuestLimit, await _app.GuestRemainingAsync());
        await _app.AssertNothingLeftAsync();
    }

    [Fact]
    public async Task Stall_AfterContent_PastIdleTimeout_TimeoutErrorAndUpstreamClosed()
    {
        _upstream.Then(async e =>
        {
            await e.WriteHeadersAsync(200);
            await e.WriteEventAsync(Upstream.Content("Hello"));
            await e.WaitForPeerCloseAsync();
        });

        await using (var session = await _app.OpenChatAsync())
        {
            await session.ExpectAsync("start");
            await session.ExpectAsync("content");

            // The counter sees the stalled connection (both ends), so its zero at the end means something.
            Assert.Equal(2, OpenSockets.Count(_upstream.Port));
            _app.Time.Advance(FaultApp.IdleTimeout);
            var error = await session.ExpectAsync("error");
            Assert.Equal("timeout", error.GetProperty("code").GetString());
            Assert.Empty(await session.ReadToEndAsync());
        }

        await _upstream.Exchanges[0].PeerClosed.WaitAsync(Poll.Deadline);
        Assert.Equal(1, _upstream.RequestCount);
        Assert.Equal(FaultApp.GuestLimit, await _app.GuestRemainingAsync());
        await _app.AssertNothingLeftAsync();
    }

    [Fact]
    public async Task Stall_BeforeContent_PastIdleTimeout_TimeoutErrorNotRetried()
    {
        _upstream.Then(async e =>
        {
            await e.WriteHeadersAsync(200);
            await e.WaitForPeerCloseAsync();
        });

        await using (var session = await _app.OpenChatAsync())
        {
            await session.ExpectAsync("start");
            await _upstream.WaitForRequestsAsync(1);
            _app.Time.Advance(FaultApp.IdleTimeout);
            var error = await session.ExpectAsync("error");
            Assert.Equal("timeout", error.GetProperty("code").GetString());
        }

        await _upstream.Exchanges[0].PeerClosed.WaitAsync(Poll.Deadline);
        Assert.Equal(1, _upstream.RequestCount);
        Assert.Equal(FaultApp.GuestLimit, await _app.GuestRemainingAsync());
        await _app.AssertNothingLeftAsync();
    }

    [Fact]
    public async Task NoHeadersEver_PastIdleTimeout_TimeoutErrorAndRequestCanceled()
    {
        _upstream.Then(e => e.WaitForPeerCloseAsync());

        await using (var session = await _app.OpenChatAsync())
        {
            await session.ExpectAsync("start");
            await _upstream.WaitForRequestsAsync(1);
            _app.Time.Advance(FaultApp.IdleTimeout);
            var error = await session.ExpectAsync("error");
            Assert.Equal("timeout", error.GetProperty("code").GetString());
            Assert.Empty(await session.ReadToEndAsync());
        }

        await _upstream.Exchanges[0].PeerClosed.WaitAsync(Poll.Deadline);
        Assert.Equal(1, _upstream.RequestCount);
        Assert.Equal(FaultApp.GuestLimit, await _app.GuestRemainingAsync());
        await _app.AssertNothingLeftAsync();
    }

    [Fact]
    public async Task ClientDisconnects_WhileUpstreamStalls_UpstreamClosedNotCharged()
    {
        _upstream.Then(async e =>
        {
            await e.WriteHeadersAsync(200);
            await e.WaitForPeerCloseAsync();
        });

        await using (var session = await _app.OpenChatAsync())
        {
            await session.ExpectAsync("start");
            await _upstream.WaitForRequestsAsync(1);
        }

        _app.Browser.Dispose();
        await _upstream.Exchanges[0].PeerClosed.WaitAsync(Poll.Deadline);
        await _app.AssertNothingLeftAsync();
        Assert.Equal(FaultApp.GuestLimit, await _app.GuestRemainingAsync());
    }

    [Fact]
    public async Task MalformedJson_BeforeContent_RetriedThenProviderErrorNotCharged()
    {
        _upstream.Then(async e =>
        {
            await e.WriteHeadersAsync(200);
            await e.WriteAsync("data: {\"choices\":[{\"delta\":{\"content\":\"Hel\n\n"u8.ToArray());
            await e.WriteEventAsync(Upstream.Content("lo"));
            await e.WriteAsync("data: [DONE]\n\n"u8.ToArray());
        });

        await using (var session = await _app.OpenChatAsync())
        {
            await session.ExpectAsync("start");
            await _app.AdvanceUntilAsync(() => _upstream.RequestCount >= 3, "three attempts");
            var error = await session.ExpectAsync("error");
            Assert.Equal("provider_error", error.GetProperty("code").GetString());
            Assert.Empty(await session.ReadToEndAsync());
        }

        Assert.Equal(3, _upstream.RequestCount);
        Assert.Equal(FaultApp.GuestLimit, await _app.GuestRemainingAsync());
        await _app.AssertNothingLeftAsync();
    }

    [Fact]
    public async Task TenMegabyteLine_IsDeliveredWhole()
    {
        var big = new string('x', 10 * 1024 * 1024);
        _upstream.Then(async e =>
        {
            await e.WriteHeadersAsync(200);
            await e.WriteEventAsync(Upstream.Content(big));
            await e.WriteEventAsync(Upstream.Stop);
            await e.WriteAsync("data: [DONE]\n\n"u8.ToArray());
        });

        var received = new StringBuilder();
        await using (var session = await _app.OpenChatAsync())
        {
            await session.ExpectAsync("start");
            var items = await session.ReadToEndAsync();
            foreach (var item in items.Where(i => i.EventType == "content"))
            {
                using var json = JsonDocument.Parse(item.Data);
                received.Append(json.RootElement.GetProperty("content").GetString());
            }

            Assert.Equal("done", items[^1].EventType);
        }

        Assert.Equal(big.Length, received.Length);
        Assert.Equal(FaultApp.GuestLimit - 1, await _app.GuestRemainingAsync());
        await _app.AssertNothingLeftAsync();
    }

    [Fact]
    public async Task InvalidUtf8_AfterContent_ProviderErrorNotCharged()
    {
        _upstream.Then(async e =>
        {
            await e.WriteHeadersAsync(200);
            await e.WriteEventAsync(Upstream.Content("Hello"));
            byte[] bad = [.. "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"caf"u8, 0xC3, 0x28, 0xFF, .. "\"},\"finish_reason\":null}]}\n\n"u8];
            await e.WriteAsync(bad);
            await e.WriteEventAsync(Upstream.Stop);
            await e.WriteAsync("data: [DONE]\n\n"u8.ToArray());
        });

        await using (var session = await _app.OpenChatAsync())
        {
            await session.ExpectAsync("start");
            await session.ExpectAsync("content");
            var error = await session.ExpectAsync("error");
            Assert.Equal("provider_error", error.GetProperty("code").GetString());
            Assert.Empty(await session.ReadToEndAsync());
        }

        Assert.Equal(1, _upstream.RequestCount);
        Assert.Equal(FaultApp.GuestLimit, await _app.GuestRemainingAsync());
        await _app.AssertNothingLeftAsync();
    }

    [Fact]
    public async Task OneByteAtATime_AnswerArrivesWhole()
    {
        _upstream.Then(async e =>
        {
            await e.WriteHeadersAsync(200);
            await e.TrickleAsync(Upstream.GoodBody(), FaultyUpstream.TrickleInterval);
        });

        await using (var session = await _app.OpenChatAsync())
        {
            await session.ExpectAsync("start");
            await AssertGoodAnswerAsync(session);
        }

        Assert.Equal(FaultApp.GuestLimit - 1, await _app.GuestRemainingAsync());
        await _app.AssertNothingLeftAsync();
    }

    [Fact]
    public async Task EndsWithoutDone_IncompleteErrorNotCharged()
    {
        _upstream.Then(async e =>
        {
            await e.WriteHeadersAsync(200);
            await e.WriteEventAsync(Upstream.Content("Hello"));
        });

        await using (var session = await _app.OpenChatAsync())
        {
            await session.ExpectAsync("start");
            await session.ExpectAsync("content");
            var error = await session.ExpectAsync("error");
            Assert.Equal("incomplete", error.GetProperty("code").GetString());
        }

        Assert.Equal(FaultApp.GuestLimit, await _app.GuestRemainingAsync());
        await _app.AssertNothingLeftAsync();
    }

    private static async Task AssertGoodAnswerAsync(SseSession session)
    {
        var text = new StringBuilder();
        var items = await session.ReadToEndAsync();
        foreach (var item in items.Where(i => i.EventType == "content"))
        {
            using var json = JsonDocument.Parse(item.Data);
            text.Append(json.RootElement.GetProperty("content").GetString());
        }

        Assert.Equal("Hello world", text.ToString());
        Assert.Equal("done", items[^1].EventType);
        Assert.DoesNotContain(items, i => i.EventType == "error");
    }
}
