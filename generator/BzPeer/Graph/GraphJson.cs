using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using BzPeer.Model;
using BzPeer.Output;

namespace BzPeer.Graph;

/// <summary>Writes graph JSON version 1 (docs/graph-json.md): compact arrays, positions with one decimal.</summary>
internal static class GraphJson
{
    public const int Version = 1;

    private static readonly string[] NodeKinds = ["researcher", "external", "publication", "topic", "institution"];
    private static readonly string[] EdgeKinds = ["authored", "coauthor", "about", "affiliated"];

    private static readonly JsonWriterOptions Options = new()
    {
        // Default encoder: escapes <, >, &, ' and U+2028/2029, so the JSON is also safe to embed in HTML.
        Encoder = JavaScriptEncoder.Default,
        Indented = false,
    };

    /// <summary>
    /// Writes the nodes <paramref name="members"/> (indexes into <paramref name="index"/>, ascending) with their
    /// positions and every edge between them.
    /// </summary>
    public static FileBytes Write(GraphIndex index, IReadOnlyList<int> members, float[] x, float[] y, Entity? center, IReadOnlyList<IndexedEdge> edges)
    {
        // One buffer and writer per thread; each file leaves in the pooled array it was written into (PooledBuffer).
        var buffer = _buffer ??= new PooledBuffer(16 * 1024);
        buffer.Clear();
        var json = _writer ??= new Utf8JsonWriter(buffer, Options);
        json.Reset(buffer);
        {
            json.WriteStartObject();
            json.WriteNumber("version", Version);
            json.WriteString("kind", center is null ? "full" : "slice");
            if (center is not null)
            {
                json.WriteString("center", center.NodeId);
            }

            WriteStrings(json, "node_kinds", NodeKinds);
            WriteStrings(json, "edge_kinds", EdgeKinds);
            var local = new Dictionary<int, int>(members.Count);
            for (var i = 0; i < members.Count; i++)
            {
                local[members[i]] = i;
            }

            var degree = new int[members.Count];
            foreach (var edge in edges)
            {
                degree[local[edge.Source]]++;
                degree[local[edge.Target]]++;
            }

            json.WriteStartArray("nodes");
            for (var i = 0; i < members.Count; i++)
            {
                var node = index.Nodes[members[i]];
                json.WriteStartArray();
                json.WriteStringValue(node.NodeId);
                json.WriteNumberValue((int)node.Kind);
                json.WriteStringValue(node.Name);
                json.WriteStringValue(node.Url ?? "");
                WriteCoordinate(json, x[i]);
                WriteCoordinate(json, y[i]);
                json.WriteNumberValue(degree[i]);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteStartArray("edges");
            foreach (var edge in edges)
            {
                json.WriteStartArray();
                json.WriteNumberValue(local[edge.Source]);
                json.WriteNumberValue(local[edge.Target]);
                json.WriteNumberValue((int)edge.Kind);
                json.WriteNumberValue(edge.Weight);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.Flush();
        }

        return buffer.Detach();
    }

    [ThreadStatic]
    private static PooledBuffer? _buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? _writer;

    private static void WriteCoordinate(Utf8JsonWriter json, float value)
    {
        // One decimal, invariant, no exponent: stable bytes and a compact file.
        var rounded = Math.Round(value, 1, MidpointRounding.AwayFromZero);
        Span<byte> text = stackalloc byte[32];
        if (!rounded.TryFormat(text, out var length, "0.0", CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"A coordinate did not fit 32 bytes: {rounded}.");
        }

        json.WriteRawValue(text[..length], skipInputValidation: true);
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, string[] values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
