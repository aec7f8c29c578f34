using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using NxtAIGen.AspNetCore.Tests;

namespace ChatServer.Tests;

public sealed class ConversationTests
{
    private static async Task<string> CreateAsync(HttpClient client, string? title = null)
    {
        using var response = await client.PostAsync("/api/conversations", SampleUsers.Json(new { title }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
    }

    private static async Task<List<SseFrame>> ChatAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsync("/api/chat/stream", SampleUsers.Json(body));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        await using var sse = new SseReader(await response.Content.ReadAsStreamAsync());
        return [.. (await sse.ReadToEndAsync()).Where(f => !f.IsPing)];
    }

    private static object Turn(string role, string content) => new { role, content };

    [Fact]
    public async Task Create_List_Rename_Search_Export_Delete()
    {
        await using var factory = new ChatServerFactory();
        using var client = await SampleUsers.SignUpAsync(factory, "a@example.com");
        var older = await CreateAsync(client, "Cooking notes");
        var newer = await CreateAsync(client);
        await AccountTests.ChatAsync(client, newer, "Tell me about the aurora borealis");

        var list = await SampleUsers.GetJsonAsync(client, "/api/conversations");
        Assert.Equal([newer, older], list.EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Equal("Tell me about the aurora borealis", list[0].GetProperty("title").GetString());
        Assert.Equal(2, list[0].GetProperty("message_count").GetInt32());

        var byText = await SampleUsers.GetJsonAsync(client, "/api/conversations?q=BOREALIS");
        Assert.Equal([newer], byText.EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        var byTitle = await SampleUsers.GetJsonAsync(client, "/api/conversations?q=cooking");
        Assert.Equal([older], byTitle.EnumerateArray().Select(c => c.GetProperty("id").GetString()));

        using var renamed = await client.PatchAsync($"/api/conversations/{older}", SampleUsers.Json(new { title = "Recipes" }));
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("Recipes", (await SampleUsers.GetJsonAsync(client, $"/api/conversations/{older}")).GetProperty("title").GetString());
        Assert.Equal(older, (await SampleUsers.GetJsonAsync(client, "/api/conversations"))[0].GetProperty("id").GetString());

        using var export = await client.GetAsync($"/api/conversations/{newer}/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("attachment", export.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"conversation-{newer}.json", export.Content.Headers.ContentDisposition?.FileNameStar ?? export.Content.Headers.ContentDisposition?.FileName);
        var exported = JsonDocument.Parse(await export.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(["user", "assistant"], exported.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("role").GetString()));

        using var deleted = await client.DeleteAsync($"/api/conversations/{older}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await client.GetAsync($"/api/conversations/{older}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Chat_WithConversation_SavesTheUserMessageAndTheAnswerWithItsMetadata()
    {
        await using var factory = new ChatServerFactory();
        using var client = await SampleUsers.SignUpAsync(factory, "a@example.com");
        var id = await CreateAsync(client);

        var events = await ChatAsync(client, new { messages = new[] { Turn("system", "Be brief."), Turn("user", "hello there") }, conversation_id = id, thinking = true });

        var answer = string.Concat(events.Where(e => e.Event == "content").Select(e => e.Json.GetProperty("content").GetString()));
        var reasoning = string.Concat(events.Where(e => e.Event == "thinking").Select(e => e.Json.GetProperty("thinking").GetString()));
        var conversation = await SampleUsers.GetJsonAsync(client, $"/api/conversations/{id}");
        var messages = conversation.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal("hello there", conversation.GetProperty("title").GetString());
        Assert.Equal(2, messages.Count);
        Assert.Equal("user", messages[0].GetProperty("role").GetString());
        Assert.Equal("hello there", messages[0].GetProperty("content").GetString());
        var saved = messages[1];
        Assert.Equal("assistant", saved.GetProperty("role").GetString());
        Assert.Equal(answer, saved.GetProperty("content").GetString());
        Assert.Equal(reasoning, saved.GetProperty("reasoning").GetString());
        Assert.Equal("demo", saved.GetProperty("provider").GetString());
        Assert.Equal("demo-1-fast", saved.GetProperty("model").GetString());
        Assert.Equal("stop", saved.GetProperty("finish_reason").GetString());
        Assert.True(saved.GetProperty("usage").GetProperty("output_tokens").GetInt32() > 0);
        Assert.True(saved.TryGetProperty("ttft_ms", out _));
        Assert.True(saved.TryGetProperty("elapsed_ms", out _));
        Assert.False(saved.TryGetProperty("stopped", out _));
    }

    [Fact]
    public async Task Chat_HistoryThatDiverges_ReplacesWhatFollows_EditAndRegenerate()
    {
        await using var factory = new ChatServerFactory();
        using var client = await SampleUsers.SignUpAsync(factory, "a@example.com");
        var id = await CreateAsync(client);
        await ChatAsync(client, new { messages = new[] { Turn("user", "first question") }, conversation_id = id });
        var firstAnswer = (await SampleUsers.GetJsonAsync(client, $"/api/conversations/{id}")).GetProperty("messages")[1].GetProperty("content").GetString()!;

        // Next turn: the page sends the whole history.
        await ChatAsync(client, new { messages = new[] { Turn("user", "first question"), Turn("assistant", firstAnswer), Turn("user", "second question") }, conversation_id = id });
        var afterSecond = (await SampleUsers.GetJsonAsync(client, $"/api/conversations/{id}")).GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["first question", firstAnswer, "second question"], afterSecond.Take(3).Select(m => m.GetProperty("content").GetString()));
        Assert.Equal(4, afterSecond.Count);
        var firstAnswerId = afterSecond[1].GetProperty("id").GetString();

        // Regenerate the second answer: the history up to the second question.
        await ChatAsync(client, new { messages = new[] { Turn("user", "first question"), Turn("assistant", firstAnswer), Turn("user", "second question") }, conversation_id = id });
        var regenerated = (await SampleUsers.GetJsonAsync(client, $"/api/conversations/{id}")).GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(4, regenerated.Count);
        Assert.Equal(firstAnswerId, regenerated[1].GetProperty("id").GetString());
        Assert.NotEqual(afterSecond[3].GetProperty("id").GetString(), regenerated[3].GetProperty("id").GetString());

        // Edit the first question and resend: everything after it is replaced.
        await ChatAsync(client, new { messages = new[] { Turn("user", "first question, edited") }, conversation_id = id });
        var edited = (await SampleUsers.GetJsonAsync(client, $"/api/conversations/{id}")).GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["user", "assistant"], edited.Select(m => m.GetProperty("role").GetString()));
        Assert.Equal("first question, edited", edited[0].GetProperty("content").GetString());
    }

    [Fact]
    public async Task Chat_StoppedByTheClient_SavesThePartialAnswerAsStopped()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var factory = new ChatServerFactory(new() { ["NxtAIGen:Providers:demo:DefaultModel"] = "demo-1" }, time);
        using var client = await SampleUsers.SignUpAsync(factory, "a@example.com");
        var id = await CreateAsync(client);

        var response = await client.SendAsync(
            new HttpRequestMessage(HttpMethod.Post, "/api/chat/stream") { Content = SampleUsers.Json(new { message = "tell me a long story", conversation_id = id }) },
            HttpCompletionOption.ResponseHeadersRead);
        var sse = new SseReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal("start", (await sse.NextEventAsync())!.Event);
        var next = sse.NextEventAsync();
        await Wait.UntilAsync(() => next.IsCompleted, "the first word", () => time.Advance(TimeSpan.FromMilliseconds(40)));
        var first = await next;
        Assert.Equal("content", first!.Event);

        await sse.DisposeAsync();
        response.Dispose();

        JsonElement? answer = null;
        await Wait.UntilAsync(
            () =>
            {
                var messages = SampleUsers.GetJsonAsync(client, $"/api/conversations/{id}").GetAwaiter().GetResult().GetProperty("messages");
                answer = messages.GetArrayLength() == 2 ? messages[1] : null;
                return answer is not null;
            },
            "the partial answer to be saved");
        Assert.True(answer!.Value.GetProperty("stopped").GetBoolean());
        var text = answer.Value.GetProperty("content").GetString()!;
        Assert.StartsWith(first.Json.GetProperty("content").GetString()!, text, StringComparison.Ordinal);
        Assert.False(answer.Value.TryGetProperty("finish_reason", out _));
    }

    [Fact]
    public async Task AnotherUsersConversation_Is404Everywhere_AndItsChatIsRefusedBeforeTheProvider()
    {
        await using var factory = new ChatServerFactory();
        using var owner = await SampleUsers.SignUpAsync(factory, "owner@example.com");
        using var other = await SampleUsers.SignUpAsync(factory, "other@example.com");
        var id = await CreateAsync(owner, "private");

        foreach (var (method, path) in new[] { ("GET", $"/api/conversations/{id}"), ("PATCH", $"/api/conversations/{id}"), ("DELETE", $"/api/conversations/{id}"), ("GET", $"/api/conversations/{id}/export") })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "PATCH" ? SampleUsers.Json(new { title = "mine now" }) : null };
            using var response = await other.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {path}: {(int)response.StatusCode}");
            Assert.Equal("not_found", await SampleUsers.CodeOfAsync(response));
        }

        using var chat = await other.PostAsync("/api/chat/stream", SampleUsers.Json(new { message = "hi", conversation_id = id }));
        Assert.Equal(HttpStatusCode.NotFound, chat.StatusCode);
        Assert.Equal("not_found", await SampleUsers.CodeOfAsync(chat));
        Assert.DoesNotContain(await SampleUsers.GetJsonAsync(other, "/api/conversations") is var list ? list.EnumerateArray() : default, c => c.GetProperty("id").GetString() == id);
        var stored = await SampleUsers.GetJsonAsync(owner, $"/api/conversations/{id}");
        Assert.Equal("private", stored.GetProperty("title").GetString());
        Assert.Equal(0, stored.GetProperty("messages").GetArrayLength());
    }

    [Fact]
    public async Task SignedInChat_WithoutCsrfToken_Is403_AndNothingIsSaved()
    {
        await using var factory = new ChatServerFactory();
        using var client = await SampleUsers.SignUpAsync(factory, "a@example.com");
        var id = await CreateAsync(client);
        client.DefaultRequestHeaders.Remove("X-CSRF-TOKEN");

        using var chat = await client.PostAsync("/api/chat/stream", SampleUsers.Json(new { message = "hi", conversation_id = id }));
        using var create = await client.PostAsync("/api/conversations", SampleUsers.Json(new { title = "x" }));

        Assert.Equal(HttpStatusCode.Forbidden, chat.StatusCode);
        Assert.Equal("forbidden", await SampleUsers.CodeOfAsync(chat));
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(0, (await SampleUsers.GetJsonAsync(client, $"/api/conversations/{id}")).GetProperty("messages").GetArrayLength());
    }

    [Fact]
    public async Task Guest_ChatsWithoutAConversation_ButCannotUseOne()
    {
        await using var factory = new ChatServerFactory();
        using var guest = SampleUsers.Client(factory);

        var events = await ChatAsync(guest, new { message = "hi" });
        using var refused = await guest.PostAsync("/api/chat/stream", SampleUsers.Json(new { message = "hi", conversation_id = "0123456789abcdef0123456789abcdef" }));

        Assert.Equal("done", events[^1].Event);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Rename_WithAnEmptyTitle_Is400()
    {
        await using var factory = new ChatServerFactory();
        using var client = await SampleUsers.SignUpAsync(factory, "a@example.com");
        var id = await CreateAsync(client, "t");

        using var response = await client.PatchAsync($"/api/conversations/{id}", SampleUsers.Json(new { title = "  " }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", await SampleUsers.CodeOfAsync(response));
    }
}
