using BzPeer.Model;

namespace BzPeer.Graph;

/// <summary>
/// The content graph as arrays: node i is <see cref="Nodes"/>[i] (in node-kind, then id order, the order of
/// graph.json), edges as index pairs, plus, per node, the indexes of its edges (CSR) so a slice finds its edges in O(its size).
/// </summary>
internal sealed class GraphIndex
{
    public GraphIndex(ContentGraph graph)
    {
        Nodes = graph.AllEntities().ToArray();
        IndexOf = new Dictionary<Entity, int>(Nodes.Length, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < Nodes.Length; i++)
        {
            IndexOf[Nodes[i]] = i;
        }

        Edges = graph.Edges
            .Select(e => new IndexedEdge(IndexOf[e.From], IndexOf[e.To], e.Kind, e.Weight))
            .OrderBy(e => e.Source).ThenBy(e => e.Target).ThenBy(e => e.Kind)
            .ToArray();

        Degree = new int[Nodes.Length];
        foreach (var edge in Edges)
        {
            Degree[edge.Source]++;
            Degree[edge.Target]++;
        }

        Offsets = new int[Nodes.Length + 1];
        for (var i = 0; i < Nodes.Length; i++)
        {
            Offsets[i + 1] = Offsets[i] + Degree[i];
        }

        NeighbourEdges = new int[Offsets[^1]];
        var fill = (int[])Offsets.Clone();
        for (var e = 0; e < Edges.Length; e++)
        {
            var edge = Edges[e];
            NeighbourEdges[fill[edge.Source]++] = e;
            NeighbourEdges[fill[edge.Target]++] = e;
        }

        // The same adjacency sorted by neighbour, so a hub's edge to a given node is a binary search away.
        _sortedNeighbours = new int[NeighbourEdges.Length];
        _sortedEdges = (int[])NeighbourEdges.Clone();
        for (var node = 0; node < Nodes.Length; node++)
        {
            for (var k = Offsets[node]; k < Offsets[node + 1]; k++)
            {
                var edge = Edges[NeighbourEdges[k]];
                _sortedNeighbours[k] = edge.Source == node ? edge.Target : edge.Source;
            }

            Array.Sort(_sortedNeighbours, _sortedEdges, Offsets[node], Degree[node]);
        }
    }

    private readonly int[] _sortedNeighbours;
    private readonly int[] _sortedEdges;

    public Entity[] Nodes { get; }

    public Dictionary<Entity, int> IndexOf { get; }

    public IndexedEdge[] Edges { get; }

    public int[] Degree { get; }

    public int[] Offsets { get; }

    /// <summary>For each adjacency entry, the index of its edge in <see cref="Edges"/>.</summary>
    public int[] NeighbourEdges { get; }

    /// <summary>Edges with both ends in <paramref name="members"/>, in graph order; O(sum of member degrees).</summary>
    public List<IndexedEdge> EdgesWithin(IReadOnlyList<int> members)
    {
        // Membership by a per-thread stamp array, not a hash set: one slice is cut per entity.
        var marks = _marks.Value ??= new int[Nodes.Length];
        var stamp = ++_stamp.Value;
        foreach (var member in members)
        {
            marks[member] = stamp;
        }

        // Each edge is kept once, from its source. A member with many more edges than the slice has members (a
        // topic, a prolific author) looks each other member up instead of walking all its edges.
        var found = new List<int>();
        foreach (var member in members)
        {
            // Walking d edges beats k binary searches of log2(d) steps each (and their cache misses) up to about here.
            if (Degree[member] <= members.Count * 2 * (System.Numerics.BitOperations.Log2((uint)Degree[member]) + 1))
            {
                for (var k = Offsets[member]; k < Offsets[member + 1]; k++)
                {
                    var e = NeighbourEdges[k];
                    if (Edges[e].Source == member && marks[Edges[e].Target] == stamp)
                    {
                        found.Add(e);
                    }
                }

                continue;
            }

            var neighbours = _sortedNeighbours.AsSpan(Offsets[member], Degree[member]);
            foreach (var other in members)
            {
                var at = neighbours.BinarySearch(other);
                if (at >= 0 && Edges[_sortedEdges[Offsets[member] + at]].Source == member)
                {
                    found.Add(_sortedEdges[Offsets[member] + at]);
                }
            }
        }

        found.Sort();
        var edges = new List<IndexedEdge>(found.Count);
        foreach (var e in found)
        {
            edges.Add(Edges[e]);
        }

        return edges;
    }

    private readonly ThreadLocal<int[]?> _marks = new();
    private readonly ThreadLocal<int> _stamp = new();
}

internal readonly record struct IndexedEdge(int Source, int Target, EdgeKind Kind, int Weight);
