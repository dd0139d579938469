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
    /// positions and the <paramref name="edges"/> between them, whose ends are positions in <paramref name="members"/>.
    /// </summary>
    public static FileBytes Write(GraphIndex index, IReadOnlyList<int> members, float[] x, float[] y, Entity? center, IReadOnlyList<IndexedEdge> edges)
    {
        // One buffer and writer per thread; each file leaves in the pooled array it was written into (PooledBuffer).
        var buffer = _buffer ??= new PooledBuffer(16 * 1024);
        buffer.Clear();
        if (center is null)
        {
            // graph.json (29.5 MB on the large bench corpus) takes about its size at once instead of growing through
            // arrays of 17, 26 and 38 MB on the large-object heap, which only a full collection empties.
            buffer.Reserve((int)Math.Min(int.MaxValue / 2, FullBytesPerNode * (long)members.Count + FullBytesPerEdge * (long)edges.Count));
        }

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
            var degree = new int[members.Count];
            foreach (var edge in edges)
            {
                degree[edge.Source]++;
                degree[edge.Target]++;
            }

            // Each node and each edge is one raw value, formatted here: the bytes are what the writer's start, value
            // and end calls made, for one call instead of six (those calls took about 2% of a large build's CPU).
            Span<byte> text = stackalloc byte[MaxNumbersBytes];
            Span<byte> nodeText = stackalloc byte[NodeStackBytes];
            json.WriteStartArray("nodes");
            for (var i = 0; i < members.Count; i++)
            {
                // The node's id, kind, name and URL, encoded once per build: a node is in dozens of slices.
                var fields = NodeFields(index, members[i]);
                var node = fields.Length + MaxNumbersBytes <= nodeText.Length ? nodeText : new byte[fields.Length + MaxNumbersBytes];
                node[0] = (byte)'[';
                fields.CopyTo(node[1..]);
                var length = ThenCoordinate(node, 1 + fields.Length, x[i]);
                length = ThenCoordinate(node, length, y[i]);
                length = ThenInteger(node, length, degree[i]);
                node[length++] = (byte)']';
                json.WriteRawValue(node[..length], skipInputValidation: true);
            }

            json.WriteEndArray();
            json.WriteStartArray("edges");
            foreach (var edge in edges)
            {
                text[0] = (byte)'[';
                var length = 1 + FormatInteger(edge.Source, text[1..]);
                length = ThenInteger(text, length, edge.Target);
                length = ThenInteger(text, length, (int)edge.Kind);
                length = ThenInteger(text, length, edge.Weight);
                text[length++] = (byte)']';
                json.WriteRawValue(text[..length], skipInputValidation: true);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.Flush();
        }

        return buffer.Detach();
    }

    [ThreadStatic]
    private static PooledBuffer? _buffer;

    // graph.json's size per node (id, kind, name, URL, position, degree) and per edge ("[a,b,k,w],"), a little over
    // what the bench corpora take (about 150 and 18 bytes), so that it rarely grows.
    private const long FullBytesPerNode = 160;
    private const long FullBytesPerEdge = 19;

    [ThreadStatic]
    private static Utf8JsonWriter? _writer;

    /// <summary>The JSON of a node's first four fields (<c>"id",kind,"name","url"</c>), made the first time it is asked for.</summary>
    private static byte[] NodeFields(GraphIndex index, int node)
    {
        // Two threads may both make a node's bytes; they are the same bytes, and the array reference is written atomically.
        var cache = index.NodeJson;
        if (cache[node] is { } cached)
        {
            return cached;
        }

        var entity = index.Nodes[node];
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartArray();
            json.WriteStringValue(entity.NodeId);
            json.WriteNumberValue((int)entity.Kind);
            json.WriteStringValue(entity.Name);
            json.WriteStringValue(entity.Url ?? "");
            json.WriteEndArray();
        }

        // Without the array's brackets.
        return cache[node] = buffer.WrittenSpan[1..^1].ToArray();
    }

    // Room for what follows a node's fields (two coordinates of at most 64 bytes, a degree, commas and brackets) or
    // for a whole edge (four integers of at most 11 bytes, commas and brackets).
    private const int MaxNumbersBytes = 2 * 64 + 3 * 12;
    private const int NodeStackBytes = 1024;

    /// <summary>A comma and <paramref name="value"/> after the <paramref name="length"/> bytes written; the new length.</summary>
    private static int ThenInteger(Span<byte> text, int length, int value)
    {
        text[length] = (byte)',';
        return length + 1 + FormatInteger(value, text[(length + 1)..]);
    }

    /// <summary>A comma and a coordinate after the <paramref name="length"/> bytes written; the new length.</summary>
    private static int ThenCoordinate(Span<byte> text, int length, float value)
    {
        text[length] = (byte)',';
        return length + 1 + FormatCoordinate(value, text[(length + 1)..]);
    }

    private static int FormatInteger(int value, Span<byte> text) =>
        System.Buffers.Text.Utf8Formatter.TryFormat(value, text, out var written)
            ? written
            : throw new InvalidOperationException($"An integer did not fit {text.Length} bytes: {value}.");

    /// <summary>
    /// One decimal, invariant, no exponent: stable bytes and a compact file. The same text as
    /// <c>Math.Round(value, 1, AwayFromZero).ToString("0.0")</c> (which also rounds to tenths first, and keeps
    /// "-0.0"), made from the whole number of tenths: formatting a double with a pattern was a tenth of a slice's
    /// cost. Returns the length written into <paramref name="text"/> (64 bytes are always enough).
    /// </summary>
    internal static int FormatCoordinate(float value, Span<byte> text)
    {
        var tenths = Math.Round(value * 10.0, MidpointRounding.AwayFromZero);
        if (!(Math.Abs(tenths) < 1e15))
        {
            // Too large for a whole number of tenths, or not finite: the general form.
            var rounded = Math.Round(value, 1, MidpointRounding.AwayFromZero);
            return rounded.TryFormat(text, out var written, "0.0", CultureInfo.InvariantCulture)
                ? written
                : throw new InvalidOperationException($"A coordinate did not fit {text.Length} bytes: {rounded}.");
        }

        var whole = (long)tenths;
        var magnitude = Math.Abs(whole);
        var length = 0;
        if (whole < 0 || (whole == 0 && double.IsNegative(tenths)))
        {
            text[length++] = (byte)'-';
        }

        System.Buffers.Text.Utf8Formatter.TryFormat(magnitude / 10, text[length..], out var digits);
        length += digits;
        text[length++] = (byte)'.';
        text[length++] = (byte)('0' + (int)(magnitude % 10));
        return length;
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
