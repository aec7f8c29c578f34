using System.IO.Compression;
using System.Net;
using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace NxtAIGen.Consumer.Tests;

/// <summary>
/// A new ASP.NET Core app that takes NxtAIGen from packed .nupkg files only (see <see cref="ConsumerAppFixture"/>)
/// streams a demo answer over HTTP, lists its providers, and the packages carry their metadata.
/// </summary>
public sealed class ConsumerAppTests(ConsumerAppFixture app) : IClassFixture<ConsumerAppFixture>
{
    private const string Question = "Hello from a brand-new app";

    [Fact]
    public async Task ChatStream_NewWebAppFromPackages_StreamsDemoAnswerAsSse()
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/chat/stream")
        {
            Content = new StringContent($$"""{"provider": "demo", "message": "{{Question}}"}""", Encoding.UTF8, "application/json"),
        };

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}\n{app.AppOutput}");
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = new List<(string Type, JsonElement Data)>();
        await using var body = await response.Content.ReadAsStreamAsync();
        await foreach (var item in SseParser.Create(body).EnumerateAsync())
        {
            events.Add((item.EventType, JsonDocument.Parse(item.Data).RootElement.Clone()));
        }

        var types = events.Select(e => e.Type).ToList();
        Assert.Equal("start", types[0]);
        Assert.Equal("done", types[^1]);
        Assert.DoesNotContain("error", types);
        Assert.All(types[1..^1], t => Assert.Equal("content", t));
        Assert.True(types.Count(t => t == "content") >= 5, $"expected the answer in many pieces, got: {string.Join(", ", types)}");

        var start = events[0].Data;
        Assert.Equal("demo", start.GetProperty("provider").GetString());
        Assert.Equal("demo-1", start.GetProperty("model").GetString());
        Assert.False(string.IsNullOrEmpty(start.GetProperty("id").GetString()));

        var answer = string.Concat(events.Where(e => e.Type == "content").Select(e => e.Data.GetProperty("content").GetString()));
        Assert.Contains(Question, answer, StringComparison.Ordinal);

        var done = events[^1].Data;
        Assert.True(done.GetProperty("done").GetBoolean());
        Assert.Equal("stop", done.GetProperty("finish_reason").GetString());
        Assert.True(done.GetProperty("usage").GetProperty("output_tokens").GetInt32() > 0);
        Assert.Equal(1, done.GetProperty("usage_count").GetInt32());
    }

    [Fact]
    public async Task Providers_NewWebAppFromPackages_ListsDemoReadyAndOpenAIWaitingForAKey()
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromMinutes(1) };

        using var providers = JsonDocument.Parse(await http.GetStringAsync("/api/providers"));

        var byId = providers.RootElement.EnumerateArray().ToDictionary(p => p.GetProperty("id").GetString()!);
        Assert.True(byId["demo"].GetProperty("configured").GetBoolean());
        Assert.False(byId["openai"].GetProperty("configured").GetBoolean());
        Assert.Contains("deepseek", byId.Keys); // the OpenAI package's presets came along
    }

    [Fact]
    public void Restore_TookNxtAIGenFromTheLocalFolder()
    {
        var assets = File.ReadAllText(Path.Combine(app.AppPath, "obj", "project.assets.json"));
        foreach (var id in ConsumerAppFixture.AddedPackages.Append("NxtAIGen.Abstractions"))
        {
            Assert.Contains($"\"{id}/{app.Version}\"", assets, StringComparison.Ordinal);
            Assert.True(Directory.Exists(Path.Combine(app.PackagesCachePath, id.ToLowerInvariant(), app.Version)), $"{id} {app.Version} is not in the app's own cache");
        }
    }

    [Fact]
    public void Pack_EveryLibrary_HasMetadataReadmeDocsAndSymbols()
    {
        Assert.NotEmpty(app.LibraryIds);
        foreach (var id in app.LibraryIds)
        {
            var nupkg = Path.Combine(app.FeedPath, $"{id}.{app.Version}.nupkg");
            Assert.True(File.Exists(nupkg), $"{id} was not packed");
            using var package = ZipFile.OpenRead(nupkg);
            var entries = package.Entries.Select(e => e.FullName).ToHashSet();
            using (var stream = package.GetEntry($"{id}.nuspec")!.Open())
            {
                var nuspec = XDocument.Load(stream);
                XNamespace ns = nuspec.Root!.Name.Namespace;
                var metadata = nuspec.Root.Element(ns + "metadata")!;
                string? Field(string name) => metadata.Element(ns + name)?.Value;
                Assert.Equal(id, Field("id"));
                Assert.Equal(app.Version, Field("version"));
                Assert.False(string.IsNullOrWhiteSpace(Field("description")), $"{id}: no description");
                Assert.False(string.IsNullOrWhiteSpace(Field("authors")), $"{id}: no authors");
                Assert.Contains("ai", Field("tags")!.Split(' '));
                Assert.Equal("MIT", Field("license"));
                Assert.Equal("expression", metadata.Element(ns + "license")!.Attribute("type")!.Value);
                Assert.Equal("README.md", Field("readme"));
                Assert.False(string.IsNullOrWhiteSpace(Field("projectUrl")), $"{id}: no project URL");
                var repository = metadata.Element(ns + "repository");
                Assert.True(repository is not null, $"{id}: no repository element");
                Assert.Equal("git", repository.Attribute("type")?.Value);
                Assert.StartsWith("https://", repository.Attribute("url")?.Value, StringComparison.Ordinal);
            }

            Assert.Contains("README.md", entries);
            Assert.Contains($"lib/net10.0/{id}.dll", entries);
            Assert.Contains($"lib/net10.0/{id}.xml", entries); // XML docs for IntelliSense

            var snupkg = Path.ChangeExtension(nupkg, ".snupkg");
            Assert.True(File.Exists(snupkg), $"{id}: no symbol package");
            using var symbols = ZipFile.OpenRead(snupkg);
            Assert.Contains(symbols.Entries, e => e.FullName == $"lib/net10.0/{id}.pdb");
        }
    }
}
