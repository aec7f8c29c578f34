using System.Net;
using System.Text;
using NxtAIGen.Abstractions;
using Xunit;

namespace NxtAIGen.Testing;

/// <summary>
/// The conformance suite every provider passes. Derive a test class from it, say which fixture folders the
/// provider reads and how to build the provider over an <see cref="HttpMessageHandler"/>, and it checks: every
/// fixture's expected result, fed whole, one byte at a time, in random chunkings and with LF and CRLF line ends;
/// a body cut at every event boundary; cancellation mid-stream and during silence; and the mapping of HTTP
/// error statuses to <see cref="ProviderErrorKind"/>s without leaking the key.
/// </summary>
public abstract class ProviderConformanceTests
{
    /// <summary>Gets the key the provider under test is built with; error bodies echo it to check it is masked.</summary>
    protected const string TestApiKey = "sk-conformance-0123456789abcdef";

    /// <summary>Gets the fixture folders under <c>Fixtures/streams</c> this provider parses, for example <c>anthropic</c>.</summary>
    protected abstract IReadOnlyList<string> FixtureFolders { get; }

    /// <summary>Gets the comparison rules of the wire format.</summary>
    protected virtual StreamComparisonOptions ComparisonOptions { get; } = new();

    /// <summary>Gets the content type of a streamed response.</summary>
    protected virtual string StreamMediaType => "text/event-stream";

    /// <summary>Builds the provider under test, sending through <paramref name="handler"/> with key <see cref="TestApiKey"/>.</summary>
    /// <param name="fixtureFolder">The folder of the fixture being replayed (for families with presets).</param>
    /// <param name="handler">The in-memory handler.</param>
    /// <returns>The provider.</returns>
    protected abstract IChatStreamProvider CreateProvider(string fixtureFolder, HttpMessageHandler handler);

    /// <summary>Builds the request streamed in every test.</summary>
    /// <returns>A one-turn request.</returns>
    protected virtual ChatRequest CreateRequest() => new() { Messages = [ChatMessage.User("Hello")] };

    /// <summary>Builds the provider's error body for an HTTP status; it should carry <paramref name="message"/>.</summary>
    /// <param name="status">The status code.</param>
    /// <param name="message">The message to embed (it contains the key, which must not leak).</param>
    /// <returns>The body.</returns>
    protected virtual string ErrorBody(int status, string message) =>
        "{\"error\":{\"message\":\"" + message + "\",\"type\":\"error_" + status.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\"}}";

    /// <summary>Positions in <paramref name="body"/> just after each complete event: a blank line for SSE, a newline for NDJSON.</summary>
    /// <param name="body">The body.</param>
    /// <returns>The cut positions, ascending, excluding the end.</returns>
    protected virtual IEnumerable<int> EventBoundaries(byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var ndjson = StreamMediaType.Contains("ndjson", StringComparison.OrdinalIgnoreCase);
        for (var i = 0; i < body.Length - 1; i++)
        {
            var boundary = ndjson
                ? body[i] == '\n'
                : (body[i] == '\n' && body[i + 1] == '\n') || (i + 3 < body.Length && body[i] == '\r' && body[i + 1] == '\n' && body[i + 2] == '\r' && body[i + 3] == '\n');
            if (boundary)
            {
                var end = ndjson ? i + 1 : body[i] == '\r' ? i + 4 : i + 2;
                if (end < body.Length && body.AsSpan(end).IndexOfAnyExcept((byte)'\r', (byte)'\n') >= 0)
                {
                    yield return end;
                }
            }
        }
    }

    /// <summary>The provider has fixtures to replay.</summary>
    [Fact]
    public void Fixtures_Exist()
    {
        Assert.NotEmpty(Fixtures());
    }

    /// <summary>Every fixture, fed in one read, gives its expected result.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public Task Fixtures_FedWhole_MatchExpected() => ForEachFixtureAsync((fixture, failures) => CheckAsync(fixture, fixture.Body, Chunking.Whole, "whole", failures));

    /// <summary>Every fixture, fed one byte per read (multi-byte characters split), gives its expected result.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public Task Fixtures_FedOneByteAtATime_MatchExpected() => ForEachFixtureAsync((fixture, failures) => CheckAsync(fixture, fixture.Body, Chunking.OneByte, "one byte per read", failures));

    /// <summary>Every fixture, fed in seeded random chunks, gives its expected result.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public Task Fixtures_FedInRandomChunks_MatchExpected() => ForEachFixtureAsync(async (fixture, failures) =>
    {
        for (var seed = 1; seed <= 3; seed++)
        {
            await CheckAsync(fixture, fixture.Body, Chunking.Random(seed, 9), $"random chunks (seed {seed})", failures);
        }
    });

    /// <summary>Every fixture, re-ended with LF and with CRLF, gives its expected result.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public Task Fixtures_WithLfAndCrlfLineEnds_MatchExpected() => ForEachFixtureAsync(async (fixture, failures) =>
    {
        foreach (var ending in new[] { LineEnding.Lf, LineEnding.CrLf })
        {
            await CheckAsync(fixture, LineEndings.Convert(fixture.Body, ending), Chunking.Random(11, 5), $"{ending} line ends", failures);
        }
    });

    /// <summary>A body cut at any event boundary ends with Incomplete (or the fixture's own error), never a normal finish that lost content.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public Task Fixtures_CutAtEveryEventBoundary_NeverEndNormallyWithLostContent() => ForEachFixtureAsync(async (fixture, failures) =>
    {
        var full = await RunAsync(fixture.Provider, fixture.Body, Chunking.Whole);
        foreach (var cut in EventBoundaries(fixture.Body))
        {
            var result = await RunAsync(fixture.Provider, fixture.Body[..cut], Chunking.Whole);
            if (result.Error is NxtAIGenProviderException error)
            {
                var ownError = fixture.Expected.Error is not null;
                if (error.Kind != ProviderErrorKind.Incomplete && !ownError)
                {
                    failures.Add($"{fixture.Id} cut at byte {cut}: expected Incomplete, got {error.Kind}: {error.Message}");
                }

                continue;
            }

            if (result.Error is not null)
            {
                failures.Add($"{fixture.Id} cut at byte {cut}: unexpected {result.Error.GetType().Name}: {result.Error.Message}");
            }
            else if (result.Text != full.Text || result.Reasoning != full.Reasoning || result.ToolCalls.Count != full.ToolCalls.Count
                || result.FinishReason != full.FinishReason || result.FinishCount != 1)
            {
                if (ComparisonOptions.CutLooksComplete?.Invoke(fixture.Body[..cut]) == true && result.FinishCount == 1 && result.FinishIsLast
                    && full.Text.StartsWith(result.Text, StringComparison.Ordinal) && full.Reasoning.StartsWith(result.Reasoning, StringComparison.Ordinal)
                    && result.ToolCalls.Count <= full.ToolCalls.Count)
                {
                    continue; // No end marker, and the cut body already said it was finished.
                }

                failures.Add($"{fixture.Id} cut at byte {cut}: ended normally although content was lost (text {result.Text.Length}/{full.Text.Length} chars, finish '{result.FinishReason}')");
            }
        }
    });

    /// <summary>Cancelling mid-stream surfaces as OperationCanceledException and disposes the response.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Cancellation_MidStream_ThrowsOperationCanceledAndDisposesTheResponse()
    {
        var fixture = Fixtures().First(f => EventBoundaries(f.Body).Any());
        var content = new PipeContent(StreamMediaType);
        var handler = new StubHttpHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
        var provider = CreateProvider(fixture.Provider, handler);
        using var cts = new CancellationTokenSource();
        await using var enumerator = provider.StreamAsync(CreateRequest(), cts.Token).GetAsyncEnumerator(cts.Token);
        var firstEvent = EventBoundaries(fixture.Body).First();
        await content.WriteAsync(fixture.Body.AsMemory(0, firstEvent));
        var pending = ReadAllAsync(enumerator);

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        await enumerator.DisposeAsync();
        Assert.True(content.IsDisposed, "the response must be disposed when the stream is cancelled");
    }

    /// <summary>A silent body keeps the stream open until the caller cancels (which is how an idle timeout stops it).</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Silence_WaitsForDataAndHonoursCancellation()
    {
        var content = new PipeContent(StreamMediaType);
        var handler = new StubHttpHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
        var provider = CreateProvider(FixtureFolders[0], handler);
        using var cts = new CancellationTokenSource();
        var reading = StreamFolder.CollectAsync(provider.StreamAsync(CreateRequest(), cts.Token), cts.Token);
        var deadline = Task.Delay(TimeSpan.FromSeconds(10));
        while (handler.Requests == 0 && !deadline.IsCompleted)
        {
            await Task.Yield();
        }

        Assert.False(reading.IsCompleted, "a silent body must not end the stream");

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading);
        Assert.True(content.IsDisposed, "the response must be disposed when the stream is cancelled");
    }

    /// <summary>An HTTP error status maps to its kind, with Retry-After, and the key never appears in the exception.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="kind">The expected kind.</param>
    /// <returns>A task.</returns>
    [Theory]
    [InlineData(400, ProviderErrorKind.InvalidRequest)]
    [InlineData(401, ProviderErrorKind.Authentication)]
    [InlineData(403, ProviderErrorKind.Permission)]
    [InlineData(404, ProviderErrorKind.NotFound)]
    [InlineData(429, ProviderErrorKind.RateLimited)]
    [InlineData(500, ProviderErrorKind.Server)]
    [InlineData(503, ProviderErrorKind.Overloaded)]
    [InlineData(529, ProviderErrorKind.Overloaded)]
    public async Task HttpError_MapsToKind_WithRetryAfter_AndWithoutTheKey(int status, ProviderErrorKind kind)
    {
        var handler = new StubHttpHandler(_ =>
        {
            var response = new HttpResponseMessage((HttpStatusCode)status)
            {
                Content = new StringContent(ErrorBody(status, $"Something is wrong with key {TestApiKey}"), Encoding.UTF8, "application/json"),
            };
            response.Headers.TryAddWithoutValidation("Retry-After", "7");
            return response;
        });
        var provider = CreateProvider(FixtureFolders[0], handler);

        var error = await Assert.ThrowsAsync<NxtAIGenProviderException>(() => StreamFolder.ReadAllAsync(provider.StreamAsync(CreateRequest())));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal(provider.Id, error.ProviderId);
        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
        Assert.DoesNotContain(TestApiKey, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestApiKey, error.ProviderMessage ?? string.Empty, StringComparison.Ordinal);
        Assert.True(handler.LastResponse?.Content is null || IsDisposed(handler.LastResponse), "the error response is disposed");
    }

    private static bool IsDisposed(HttpResponseMessage response)
    {
        try
        {
            _ = response.Content.ReadAsStream();
            return false;
        }
        catch (ObjectDisposedException)
        {
            return true;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    private List<StreamFixture> Fixtures() => [.. StreamFixture.ListIds([.. FixtureFolders]).Select(StreamFixture.Load)];

    private async Task ForEachFixtureAsync(Func<StreamFixture, List<string>, Task> check)
    {
        var failures = new List<string>();
        foreach (var fixture in Fixtures())
        {
            try
            {
                await check(fixture, failures);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                failures.Add($"{fixture.Id}: {ex.GetType().Name}: {ex.Message}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} failure(s):\n" + string.Join("\n", failures));
    }

    private async Task CheckAsync(StreamFixture fixture, byte[] body, Chunking chunking, string how, List<string> failures)
    {
        var result = await RunAsync(fixture.Provider, body, chunking);
        try
        {
            StreamAssert.Matches(fixture.Expected, result, $"{fixture.Id}, {how}", ComparisonOptions);
        }
        catch (Exception ex) when (ex is StreamMismatchException or Xunit.Sdk.XunitException)
        {
            failures.Add(ex.Message);
        }
    }

    private async Task<StreamResult> RunAsync(string folder, byte[] body, Chunking chunking)
    {
        var handler = StubHttpHandler.ForBody(body, chunking, StreamMediaType);
        var provider = CreateProvider(folder, handler);
        var result = await StreamFolder.CollectAsync(provider.StreamAsync(CreateRequest()));
        if (handler.LastResponse?.Content is ChunkedContent { IsDisposed: false })
        {
            throw new InvalidOperationException("the provider did not dispose the response");
        }

        return result;
    }

    private static async Task<List<ChatChunk>> ReadAllAsync(IAsyncEnumerator<ChatChunk> enumerator)
    {
        var chunks = new List<ChatChunk>();
        while (await enumerator.MoveNextAsync())
        {
            chunks.Add(enumerator.Current);
        }

        return chunks;
    }
}
