using System.Net;
using System.Text.Json;
using NxtAIGen.Storage.EntityFrameworkCore.Tests;

namespace ChatServer.Tests;

/// <summary>The sample on PostgreSQL: its migrations and the library's apply to an empty database, and the app works on them.</summary>
[Collection(SamplePostgresGroup.Name)]
public sealed class PostgresSampleTests(PostgresServer postgres)
{
    [SkippableFact]
    public async Task Sample_OnAnEmptyPostgresDatabase_Migrates_AndKeepsAccountsConversationsAndSwitches()
    {
        var connectionString = await postgres.CreateEmptyDatabaseAsync();
        await using (var factory = new ChatServerFactory(new() { ["ConnectionStrings:NxtAIGen"] = connectionString }))
        {
            using var admin = await SampleUsers.SignUpAsync(factory, "admin@example.com");
            using var created = await admin.PostAsync("/api/conversations", SampleUsers.Json(new { }));
            var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
            await AccountTests.ChatAsync(admin, id, "hello from postgres");
            using var off = await admin.PutAsync("/api/admin/providers/openai", SampleUsers.Json(new { enabled = false }));
            Assert.Equal(HttpStatusCode.OK, off.StatusCode);

            Assert.True((await SampleUsers.GetJsonAsync(admin, "/api/me")).GetProperty("is_admin").GetBoolean());
            var search = await SampleUsers.GetJsonAsync(admin, "/api/conversations?q=POSTGRES");
            Assert.Equal(id, search[0].GetProperty("id").GetString());
            Assert.Equal(2, search[0].GetProperty("message_count").GetInt32());
            Assert.Equal(1, (await SampleUsers.GetJsonAsync(admin, "/api/admin/usage")).GetProperty("totals").GetProperty("requests").GetInt32());
        }

        // A restart on the same database: nothing to migrate, everything still there.
        await using var again = new ChatServerFactory(new() { ["ConnectionStrings:NxtAIGen"] = connectionString });
        using var client = SampleUsers.Client(again);
        using var login = await SampleUsers.LoginAsync(client, "admin@example.com");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var conversations = await SampleUsers.GetJsonAsync(client, "/api/conversations");
        Assert.Equal("hello from postgres", conversations[0].GetProperty("title").GetString());
        var providers = await SampleUsers.GetJsonAsync(client, "/api/providers");
        Assert.DoesNotContain(providers.EnumerateArray(), p => p.GetProperty("id").GetString() == "openai");
    }
}
