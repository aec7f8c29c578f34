using System.Text;

namespace NxtAIGen.LoadTest;

/// <summary>What a stream is opened against: its URL, request body and the process serving it.</summary>
internal sealed class Target(string name, Uri url, Func<string, byte[]> body, ChildProcess process)
{
    public string Name { get; } = name;

    public Uri Url { get; } = url;

    public ChildProcess Process { get; } = process;

    public byte[] Body(string model) => body(model);

    public static Target Upstream(ChildProcess p) => new(
        "upstream", new Uri(p.Url, "/v1/chat/completions"),
        m => Encoding.UTF8.GetBytes($$$"""{"model":"{{{m}}}","messages":[{"role":"user","content":"hi"}],"stream":true,"stream_options":{"include_usage":true}}"""),
        p);

    public static Target Gateway(ChildProcess p) => new(
        "gateway", new Uri(p.Url, "/api/chat/stream"),
        m => Encoding.UTF8.GetBytes($$"""{"provider":"openai","model":"{{m}}","message":"hi"}"""),
        p);

    public static Target Node(string name, ChildProcess p) => new(
        name, new Uri(p.Url, "/"),
        m => Encoding.UTF8.GetBytes($$"""{"model":"{{m}}","message":"hi"}"""),
        p);
}
