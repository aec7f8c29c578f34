using NxtAIGen.AspNetCore;

namespace NxtAIGen.Storage.Testing;

/// <summary>The contract of <see cref="IApiKeyStore"/>. Each test uses users of its own; only one test touches server-wide keys.</summary>
public abstract class ApiKeyStoreTests
{
    private static readonly DateTimeOffset When = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private readonly string _prefix = Guid.NewGuid().ToString("N");

    /// <summary>Returns the store under test.</summary>
    protected abstract Task<IApiKeyStore> CreateStoreAsync();

    protected ApiKeyOwner User(string name) => ApiKeyOwner.ForUser($"{name}-{_prefix}");

    protected static StoredApiKey Key(ApiKeyOwner owner, string provider, string ciphertext, DateTimeOffset? at = null) => new()
    {
        Owner = owner,
        ProviderId = provider,
        ProtectedValue = ciphertext,
        Masked = "sk-a••••wxyz",
        UpdatedAt = at ?? When,
    };

    [SkippableFact]
    public async Task Set_ThenGet_ReturnsTheSameValue_ProviderCaseInsensitive()
    {
        var store = await CreateStoreAsync();
        var alice = User("alice");
        var key = Key(alice, "openai", "CfDJ8-ciphertext-1");

        await store.SetAsync(key);

        Assert.Equal(key, await store.GetAsync(alice, "openai"));
        Assert.Equal(key, await store.GetAsync(alice, "OpenAI"));
        Assert.Null(await store.GetAsync(alice, "anthropic"));
        Assert.Null(await store.GetAsync(User("bob"), "openai"));
    }

    [SkippableFact]
    public async Task Set_Replaces_AndListIsSortedPerOwner()
    {
        var store = await CreateStoreAsync();
        var alice = User("alice");
        var bob = User("bob");
        await store.SetAsync(Key(alice, "openai", "old"));
        await store.SetAsync(Key(alice, "OPENAI", "new", When.AddHours(1)));
        await store.SetAsync(Key(alice, "anthropic", "a"));
        await store.SetAsync(Key(alice, "Cohere", "c"));
        await store.SetAsync(Key(bob, "gemini", "g"));

        var list = await store.ListAsync(alice);

        Assert.Equal(["anthropic", "Cohere", "OPENAI"], list.Select(k => k.ProviderId));
        Assert.Equal("new", list[2].ProtectedValue);
        Assert.Equal(When.AddHours(1), list[2].UpdatedAt);
        Assert.All(list, k => Assert.Equal(alice, k.Owner));
        Assert.Equal("g", Assert.Single(await store.ListAsync(bob)).ProtectedValue);
    }

    [SkippableFact]
    public async Task Delete_RemovesOnlyThatKey_AndTellsWhetherThereWasOne()
    {
        var store = await CreateStoreAsync();
        var alice = User("alice");
        await store.SetAsync(Key(alice, "openai", "o"));
        await store.SetAsync(Key(alice, "anthropic", "a"));

        Assert.True(await store.DeleteAsync(alice, "OpenAI"));
        Assert.False(await store.DeleteAsync(alice, "openai"));
        Assert.False(await store.DeleteAsync(User("bob"), "anthropic"));
        Assert.Equal("anthropic", Assert.Single(await store.ListAsync(alice)).ProviderId);
    }

    [SkippableFact]
    public async Task ServerKeys_AreSeparateFromUserKeys()
    {
        var store = await CreateStoreAsync();
        var alice = User("alice");
        var provider = "p" + _prefix;
        await store.SetAsync(Key(ApiKeyOwner.Server, provider, "server"));
        await store.SetAsync(Key(alice, provider, "user"));

        Assert.Equal("server", (await store.GetAsync(ApiKeyOwner.Server, provider))!.ProtectedValue);
        Assert.Equal(ApiKeyOwner.Server, (await store.GetAsync(ApiKeyOwner.Server, provider))!.Owner);
        Assert.Equal("user", (await store.GetAsync(alice, provider))!.ProtectedValue);
        Assert.Contains(await store.ListAsync(ApiKeyOwner.Server), k => k.ProviderId == provider);
        Assert.True(await store.DeleteAsync(ApiKeyOwner.Server, provider));
        Assert.NotNull(await store.GetAsync(alice, provider));
    }
}
