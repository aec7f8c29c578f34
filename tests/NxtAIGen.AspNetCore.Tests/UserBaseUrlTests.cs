using System.Net;
using NxtAIGen.AspNetCore.Security;

namespace NxtAIGen.AspNetCore.Tests;

public sealed class UserBaseUrlTests
{
    private const string Key = "sk-user-0123456789abcdefghijklmnopqrstuvwxyz";

    private static readonly Dictionary<string, string?> AllowExampleCom = new()
    {
        ["NxtAIGen:Security:AllowedUserBaseUrls:0"] = "*.example.com",
        ["NxtAIGen:Security:AllowedUserBaseUrls:1"] = "https://ai.partner.test/v1/",
        ["NxtAIGen:Security:AllowedUserBaseUrls:2"] = "10.1.2.3",
        ["NxtAIGen:Security:AllowedUserBaseUrls:3"] = "localhost",
    };

    [Fact]
    public async Task AllowedPublicBaseUrl_IsStored_AndHandedToTheProvider()
    {
        await using var app = await TestApp.StartAsync(AllowExampleCom);

        using var put = await KeyRequests.PutAsync(app, "alice", "keyed", Key, "https://ollama.example.com/api");
        var (status, _) = await KeyRequests.ChatAsync(app, "alice");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.OK, status);
        var provider = Assert.Single(app.KeyedProviders);
        Assert.Equal(Key, provider.ApiKey);
        Assert.Equal(new Uri("https://ollama.example.com/api"), provider.BaseUrl);
    }

    [Fact]
    public async Task NoAllowList_RefusesEveryUserBaseUrl()
    {
        await using var app = await TestApp.StartAsync();

        using var put = await KeyRequests.PutAsync(app, "alice", "keyed", Key, "https://ollama.example.com/");

        var problem = await KeyRequests.AssertProblemAsync(put, HttpStatusCode.BadRequest, "invalid_request");
        Assert.Contains("AllowedUserBaseUrls", problem.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.test/")] // not on the list
    [InlineData("https://example.com.evil.test/")] // suffix trick
    [InlineData("https://ai.partner.test/v10/")] // prefix must end at a path segment
    [InlineData("http://ai.partner.test/v1/")] // scheme differs from the prefix
    [InlineData("ftp://ollama.example.com/")]
    [InlineData("not a url")]
    [InlineData("https://user:pass@ollama.example.com/")]
    [InlineData("https://ollama.example.com/?key=1")]
    [InlineData("http://10.1.2.3:11434/")] // allowed by the list, but private
    [InlineData("http://localhost:11434/")] // allowed by the list, but loopback
    [InlineData("http://intranet.example.com/")] // resolves to 10.1.2.3
    [InlineData("http://sneaky.example.com/")] // one of its addresses is IPv6 unique-local
    [InlineData("http://metadata.example.com/")] // resolves to the cloud metadata address
    [InlineData("http://unresolvable.example.com/")]
    public async Task RefusedBaseUrls_Are400_AndNothingIsStored(string url)
    {
        await using var app = await TestApp.StartAsync(AllowExampleCom);

        using var put = await KeyRequests.PutAsync(app, "alice", "keyed", Key, url);

        await KeyRequests.AssertProblemAsync(put, HttpStatusCode.BadRequest, "invalid_request");
        Assert.Equal(HttpStatusCode.Conflict, (await KeyRequests.ChatAsync(app, "alice")).Status);
    }

    [Theory]
    [InlineData("https://ai.partner.test/v1")]
    [InlineData("https://ai.partner.test/v1/chat")]
    [InlineData("https://llm.example.com/v1")]
    public async Task AllowedBaseUrls_AreAccepted(string url)
    {
        await using var app = await TestApp.StartAsync(AllowExampleCom);

        using var put = await KeyRequests.PutAsync(app, "alice", "keyed", Key, url);

        // ai.partner.test is not in the fake resolver, so only names that resolve to public addresses pass.
        Assert.Equal(url.Contains("partner", StringComparison.Ordinal) ? HttpStatusCode.BadRequest : HttpStatusCode.OK, put.StatusCode);
    }

    [Fact]
    public async Task AllowPrivate_AcceptsPrivateAddresses_OnTheList()
    {
        var settings = new Dictionary<string, string?>(AllowExampleCom) { ["NxtAIGen:Security:AllowPrivateUserBaseUrls"] = "true" };
        await using var app = await TestApp.StartAsync(settings);

        using var put = await KeyRequests.PutAsync(app, "alice", "keyed", Key, "http://localhost:11434/");
        using var notListed = await KeyRequests.PutAsync(app, "alice", "keyed", Key, "http://192.168.1.5:11434/");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notListed.StatusCode);
    }

    [Fact]
    public async Task Admins_MayStoreAnyHttpBaseUrl()
    {
        await using var app = await TestApp.StartAsync();

        using var put = await KeyRequests.PutAsync(app, "boss+admin", "keyed", Key, "http://10.0.0.7:8000/v1", admin: true);
        using var bad = await KeyRequests.PutAsync(app, "boss+admin", "keyed", Key, "file:///etc/passwd", admin: true);
        var (status, _) = await KeyRequests.ChatAsync(app, "bob");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(new Uri("http://10.0.0.7:8000/v1"), Assert.Single(app.KeyedProviders).BaseUrl);
    }

    [Fact]
    public async Task StoredBaseUrl_NoLongerAllowed_IsSkippedAtUse()
    {
        await using var app = await TestApp.StartAsync(AllowExampleCom);
        (await KeyRequests.PutAsync(app, "alice", "keyed", Key, "https://ollama.example.com/")).Dispose();
        var options = (Microsoft.Extensions.Options.IOptionsMonitor<NxtAIGenSecurityOptions>)app.Services.GetService(typeof(Microsoft.Extensions.Options.IOptionsMonitor<NxtAIGenSecurityOptions>))!;
        options.CurrentValue.AllowedUserBaseUrls.Clear();

        var (status, _) = await KeyRequests.ChatAsync(app, "alice");

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains(app.Logs.Entries, e => e.Text.Contains("no longer allowed", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.20.30.40", true)]
    [InlineData("172.16.0.1", true)]
    [InlineData("172.31.255.255", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("192.168.0.1", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("224.0.0.1", true)]
    [InlineData("255.255.255.255", true)]
    [InlineData("8.8.8.8", false)]
    [InlineData("93.184.216.34", false)]
    [InlineData("::1", true)]
    [InlineData("::", true)]
    [InlineData("fe80::1", true)]
    [InlineData("fd12:3456::1", true)]
    [InlineData("fc00::1", true)]
    [InlineData("ff02::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("::ffff:10.0.0.1", true)]
    [InlineData("::ffff:8.8.8.8", false)]
    [InlineData("64:ff9b::a00:1", true)]
    [InlineData("2002:c0a8:0101::1", true)]
    [InlineData("2001:db8::1", true)]
    [InlineData("2606:4700:4700::1111", false)]
    public void IsInternal_ClassifiesAddresses(string address, bool expected) =>
        Assert.Equal(expected, UserBaseUrlPolicy.IsInternal(IPAddress.Parse(address)));

    [Theory]
    [InlineData("http://2130706433/")] // 127.0.0.1 as one number
    [InlineData("http://0x7f.0.0.1/")]
    [InlineData("http://[::1]:11434/")]
    [InlineData("http://[::ffff:7f00:1]/")]
    [InlineData("http://[fe80::1%25eth0]/")]
    [InlineData("http://foo.localhost/")]
    public async Task InternalAddressesInAnyNotation_AreRefused(string url)
    {
        await using var app = await TestApp.StartAsync(new() { ["NxtAIGen:Security:AllowedUserBaseUrls:0"] = "*" });

        using var put = await KeyRequests.PutAsync(app, "alice", "keyed", Key, url);

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
    }
}
