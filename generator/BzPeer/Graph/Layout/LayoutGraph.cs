using BzPeer.Graph.Slicing;

namespace BzPeer.Graph.Layout;

/// <summary>
/// The graph as the simulation sees it: nodes renumbered in ordinal order of their ids, so the
/// caller's node and edge order cannot change the result; self loops dropped and duplicate
/// edges merged (by <see cref="GraphAdjacency"/>).
/// </summary>
internal sealed class LayoutGraph
{
    private LayoutGraph(string[] ids, int[] canonicalOf, GraphAdjacency adjacency)
    {
        Ids = ids;
        CanonicalOf = canonicalOf;
        Adjacency = adjacency;
    }

    /// <summary>Node ids in canonical (ordinal) order.</summary>
    public string[] Ids { get; }

    /// <summary>Canonical index of each node of the caller's list.</summary>
    public int[] CanonicalOf { get; }

    /// <summary>Adjacency in canonical numbering.</summary>
    public GraphAdjacency Adjacency { get; }

    public int NodeCount => Ids.Length;

    public int EdgeCount => Adjacency.EdgeCount;

    public static LayoutGraph Build(IReadOnlyList<string> nodeIds, IReadOnlyList<LayoutEdge> edges)
    {
        ArgumentNullException.ThrowIfNull(nodeIds);
        ArgumentNullException.ThrowIfNull(edges);
        int n = nodeIds.Count;
        var ids = new string[n];
        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            ids[i] = nodeIds[i] ?? throw new ArgumentException($"Node {i} has a null id.", nameof(nodeIds));
            order[i] = i;
        }
        // Callers that number their nodes in ordinal order (a slice does) spare the sort.
        if (!IsAscending(ids))
            Array.Sort(ids, order, StringComparer.Ordinal);
        var canonicalOf = new int[n];
        for (int c = 0; c < n; c++)
        {
            if (c > 0 && string.Equals(ids[c - 1], ids[c], StringComparison.Ordinal))
                throw new ArgumentException($"Node id '{ids[c]}' occurs more than once.", nameof(nodeIds));
            canonicalOf[order[c]] = c;
        }

        var canonicalEdges = new LayoutEdge[edges.Count];
        for (int e = 0; e < edges.Count; e++)
        {
            var edge = edges[e];
            if ((uint)edge.Source >= (uint)n || (uint)edge.Target >= (uint)n)
                throw new ArgumentOutOfRangeException(nameof(edges), $"Edge {e} ({edge.Source}, {edge.Target}) refers to a node outside 0..{n - 1}.");
            canonicalEdges[e] = new LayoutEdge(canonicalOf[edge.Source], canonicalOf[edge.Target], edge.Weight);
        }
        return new LayoutGraph(ids, canonicalOf, GraphAdjacency.Build(n, canonicalEdges));
    }

    private static bool IsAscending(string[] ids)
    {
        for (int i = 1; i < ids.Length; i++)
            if (string.CompareOrdinal(ids[i - 1], ids[i]) > 0)
                return false;
        return true;
    }
}
