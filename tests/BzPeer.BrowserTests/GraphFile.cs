using System.Text.Json;

namespace BzPeer.BrowserTests;

/// <summary>
/// A graph JSON file (docs/graph-json.md, version 1) read independently of
/// graph.js, so the tests compare what the browser drew with what the build wrote.
/// </summary>
internal sealed class GraphFile
{
    private GraphFile(IReadOnlyList<Node> nodes, IReadOnlyList<Edge> edges)
    {
        Nodes = nodes;
        Edges = edges;
    }

    public IReadOnlyList<Node> Nodes { get; }

    public IReadOnlyList<Edge> Edges { get; }

    public static GraphFile Read(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = json.RootElement;
        var version = root.GetProperty("version").GetInt32();
        if (version != 1)
        {
            throw new InvalidDataException($"{path}: graph JSON version {version}, the tests read version 1.");
        }

        var nodeKinds = root.GetProperty("node_kinds").EnumerateArray().Select(k => k.GetString()!).ToArray();
        var edgeKinds = root.GetProperty("edge_kinds").EnumerateArray().Select(k => k.GetString()!).ToArray();
        var nodes = root.GetProperty("nodes").EnumerateArray()
            .Select(n => new Node(n[0].GetString()!, nodeKinds[n[1].GetInt32()], n[2].GetString()!, n[3].GetString()!))
            .ToArray();
        var edges = root.GetProperty("edges").EnumerateArray()
            .Select(e => new Edge(e[0].GetInt32(), e[1].GetInt32(), edgeKinds[e[2].GetInt32()]))
            .ToArray();
        return new GraphFile(nodes, edges);
    }

    public int IndexOf(string id)
    {
        for (var i = 0; i < Nodes.Count; i++)
        {
            if (Nodes[i].Id == id)
            {
                return i;
            }
        }

        throw new KeyNotFoundException(id + " is not in the graph.");
    }

    /// <summary>Ids of the distinct nodes linked to the node, by any edge kind.</summary>
    public IReadOnlySet<string> NeighbourIds(string id)
    {
        var i = IndexOf(id);
        var near = new HashSet<string>(StringComparer.Ordinal);
        foreach (var edge in Edges)
        {
            if (edge.Source == i && edge.Target != i)
            {
                near.Add(Nodes[edge.Target].Id);
            }
            else if (edge.Target == i && edge.Source != i)
            {
                near.Add(Nodes[edge.Source].Id);
            }
        }

        return near;
    }

    /// <param name="Url">Page path relative to the site root; "" for external authors.</param>
    public sealed record Node(string Id, string Kind, string Label, string Url);

    public sealed record Edge(int Source, int Target, string Kind);
}
