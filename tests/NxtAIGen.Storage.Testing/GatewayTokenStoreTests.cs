using NxtAIGen.AspNetCore;

namespace NxtAIGen.Storage.Testing;

/// <summary>The contract of <see cref="IGatewayTokenStore"/>. Each test uses users and hashes of its own.</summary>
public abstract class GatewayTokenStoreTests
{
    private static readonly DateTimeOffset When = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private readonly string _prefix = Guid.NewGuid().ToString("N");

    /// <summary>Returns the store under test.</summary>
    protected abstract Task<IGatewayTokenStore> CreateStoreAsync();

    protected string User(string name) => $"{name}-{_prefix}";

    protected GatewayToken Token(string user, string id, int minutes = 0) => new()
    {
        Id = $"{id}-{_prefix}"[..Math.Min(64, id.Length + 33)],
        UserId = user,
        Name = "token " + id,
        TokenHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id + _prefix))),
        Hint = "nxg_…" + id[^Math.Min(4, id.Length)..],
        CreatedAt = When.AddMinutes(minutes),
    };

    [SkippableFact]
    public async Task Create_ThenFindByHash_ReturnsTheSameToken()
    {
        var store = await CreateStoreAsync();
        var token = Token(User("alice"), "t1");

        await store.CreateAsync(token);

        Assert.Equal(token, await store.FindByHashAsync(token.TokenHash));
        Assert.Null(await store.FindByHashAsync(new string('0', 64)));
    }

    [SkippableFact]
    public async Task List_IsPerUser_OldestFirst()
    {
        var store = await CreateStoreAsync();
        var alice = User("alice");
        var bob = User("bob");
        var second = Token(alice, "a2", minutes: 5);
        var first = Token(alice, "a1", minutes: 1);
        await store.CreateAsync(second);
        await store.CreateAsync(first);
        await store.CreateAsync(Token(bob, "b1"));

        Assert.Equal([first, second], await store.ListAsync(alice));
        Assert.Single(await store.ListAsync(bob));
        Assert.Empty(await store.ListAsync(User("carol")));
    }

    [SkippableFact]
    public async Task Delete_OnlyTheOwnersToken()
    {
        var store = await CreateStoreAsync();
        var alice = User("alice");
        var token = Token(alice, "d1");
        await store.CreateAsync(token);

        Assert.False(await store.DeleteAsync(User("mallory"), token.Id));
        Assert.NotNull(await store.FindByHashAsync(token.TokenHash));
        Assert.True(await store.DeleteAsync(alice, token.Id));
        Assert.False(await store.DeleteAsync(alice, token.Id));
        Assert.Null(await store.FindByHashAsync(token.TokenHash));
    }

    [SkippableFact]
    public async Task DeleteAll_RemovesEveryTokenOfTheUserOnly()
    {
        var store = await CreateStoreAsync();
        var alice = User("alice");
        var bob = User("bob");
        await store.CreateAsync(Token(alice, "x1"));
        await store.CreateAsync(Token(alice, "x2"));
        await store.CreateAsync(Token(bob, "x3"));

        Assert.Equal(2, await store.DeleteAllAsync(alice));

        Assert.Empty(await store.ListAsync(alice));
        Assert.Single(await store.ListAsync(bob));
    }

    [SkippableFact]
    public async Task Touch_RecordsTheLastUse()
    {
        var store = await CreateStoreAsync();
        var token = Token(User("alice"), "u1");
        await store.CreateAsync(token);

        await store.TouchAsync(token.Id, When.AddHours(2));
        await store.TouchAsync("unknown-" + token.Id, When.AddHours(3));

        Assert.Equal(When.AddHours(2), (await store.FindByHashAsync(token.TokenHash))!.LastUsedAt);
    }

    [SkippableFact]
    public async Task Create_TheSameHashTwice_Fails()
    {
        var store = await CreateStoreAsync();
        var token = Token(User("alice"), "h1");
        await store.CreateAsync(token);

        await Assert.ThrowsAnyAsync<Exception>(async () => await store.CreateAsync(token));
    }
}
