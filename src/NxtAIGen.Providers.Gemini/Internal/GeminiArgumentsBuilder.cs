using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using NxtAIGen.Providers.Gemini.Internal.Wire;

namespace NxtAIGen.Providers.Gemini.Internal;

/// <summary>
/// Assembles Vertex <c>partialArgs</c> pieces into the arguments object: each piece sets the value at its
/// <c>jsonPath</c> (<c>$.a.b</c>, <c>$.items[0]</c>, <c>$['key']</c>); string pieces at the same path are appended.
/// </summary>
internal sealed class GeminiArgumentsBuilder
{
    private readonly Node _root = new(NodeKind.Object);

    /// <summary>Applies one piece.</summary>
    /// <param name="piece">The piece.</param>
    public void Apply(GeminiPartialArg piece)
    {
        if (piece.JsonPath is not { Length: > 0 } path || !TryParsePath(path, out var segments) || segments.Count == 0)
        {
            return;
        }

        var node = _root;
        for (var i = 0; i < segments.Count - 1; i++)
        {
            node = node.Child(segments[i], segments[i + 1].IsIndex ? NodeKind.Array : NodeKind.Object);
        }

        var last = segments[^1];
        if (piece.StringValue is { } text)
        {
            var leaf = node.Child(last, NodeKind.String);
            leaf.Text.Append(text);
        }
        else if (piece.NumberValue is { ValueKind: JsonValueKind.Number or JsonValueKind.String } number)
        {
            node.Child(last, NodeKind.Raw).Raw = number.ValueKind == JsonValueKind.Number ? number.GetRawText() : number.GetString();
        }
        else if (piece.BoolValue is { } flag)
        {
            node.Child(last, NodeKind.Raw).Raw = flag ? "true" : "false";
        }
        else if (piece.NullValue is not null)
        {
            node.Child(last, NodeKind.Raw).Raw = "null";
        }
    }

    /// <summary>Writes the arguments as JSON text.</summary>
    /// <returns>The JSON object.</returns>
    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, _root);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Write(Utf8JsonWriter writer, Node node)
    {
        switch (node.Kind)
        {
            case NodeKind.Object:
                writer.WriteStartObject();
                foreach (var (name, child) in node.Members)
                {
                    writer.WritePropertyName(name);
                    Write(writer, child);
                }

                writer.WriteEndObject();
                break;
            case NodeKind.Array:
                writer.WriteStartArray();
                foreach (var item in node.Items)
                {
                    if (item is null)
                    {
                        writer.WriteNullValue();
                    }
                    else
                    {
                        Write(writer, item);
                    }
                }

                writer.WriteEndArray();
                break;
            case NodeKind.String:
                writer.WriteStringValue(node.Text.ToString());
                break;
            default:
                if (node.Raw is { Length: > 0 } raw && IsJsonValue(raw))
                {
                    writer.WriteRawValue(raw);
                }
                else
                {
                    writer.WriteNullValue();
                }

                break;
        }
    }

    private static bool IsJsonValue(string raw)
    {
        try
        {
            using var document = JsonDocument.Parse(raw);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool TryParsePath(string path, out List<Segment> segments)
    {
        segments = [];
        var i = path.StartsWith('$') ? 1 : 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                if (end == i + 1)
                {
                    return false;
                }

                segments.Add(new Segment(path[(i + 1)..end], -1));
                i = end;
            }
            else if (path[i] == '[')
            {
                var close = path.IndexOf(']', i + 1);
                if (close < 0)
                {
                    return false;
                }

                var inside = path[(i + 1)..close];
                if (inside.Length >= 2 && (inside[0] == '\'' || inside[0] == '"') && inside[^1] == inside[0])
                {
                    segments.Add(new Segment(inside[1..^1], -1));
                }
                else if (int.TryParse(inside, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < 10_000)
                {
                    segments.Add(new Segment(null, index));
                }
                else
                {
                    return false;
                }

                i = close + 1;
            }
            else if (segments.Count == 0 && i == 0)
            {
                // A bare name without "$.".
                var end = path.IndexOfAny(['.', '[']);
                end = end < 0 ? path.Length : end;
                segments.Add(new Segment(path[..end], -1));
                i = end;
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    private enum NodeKind
    {
        Object,
        Array,
        String,
        Raw,
    }

    private readonly record struct Segment(string? Name, int Index)
    {
        public bool IsIndex => Name is null;
    }

    private sealed class Node(NodeKind kind)
    {
        public NodeKind Kind { get; private set; } = kind;

        public List<KeyValuePair<string, Node>> Members { get; } = [];

        public List<Node?> Items { get; } = [];

        public StringBuilder Text { get; } = new();

        public string? Raw { get; set; }

        /// <summary>Finds or adds the child at <paramref name="segment"/>, making it <paramref name="kind"/> if it is new or of another kind.</summary>
        public Node Child(Segment segment, NodeKind kind)
        {
            if (segment.IsIndex)
            {
                if (Kind != NodeKind.Array)
                {
                    Kind = NodeKind.Array;
                    Members.Clear();
                }

                while (Items.Count <= segment.Index)
                {
                    Items.Add(null);
                }

                var item = Items[segment.Index];
                if (item is null || item.Kind != kind)
                {
                    item = new Node(kind);
                    Items[segment.Index] = item;
                }

                return item;
            }

            if (Kind != NodeKind.Object)
            {
                Kind = NodeKind.Object;
                Items.Clear();
            }

            var at = Members.FindIndex(m => m.Key == segment.Name);
            if (at >= 0 && Members[at].Value.Kind == kind)
            {
                return Members[at].Value;
            }

            var node = new Node(kind);
            if (at >= 0)
            {
                Members[at] = new(segment.Name!, node);
            }
            else
            {
                Members.Add(new(segment.Name!, node));
            }

            return node;
        }
    }
}
