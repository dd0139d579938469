using BzPeer.Model;

namespace BzPeer.Graph;

/// <summary>
/// The content graph as arrays: node i is <see cref="Nodes"/>[i] (in node-kind, then id order, the order of
/// graph.json), edges as index pairs sorted by source then target, so a slice finds its edges in about O(its size).
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

        if (Nodes.Length >= 1 << 28)
        {
            throw new InvalidOperationException($"A graph of {Nodes.Length} nodes is more than the edge keys can hold.");
        }

        // Sorted by one packed key per edge (source, target, kind: 28 + 28 + 8 bits) rather than through LINQ's
        // three key selectors: a large site has a million edges.
        Edges = new IndexedEdge[graph.Edges.Count];
        var keys = new ulong[Edges.Length];
        for (var i = 0; i < Edges.Length; i++)
        {
            var e = graph.Edges[i];
            var edge = new IndexedEdge(IndexOf[e.From], IndexOf[e.To], e.Kind, e.Weight);
            Edges[i] = edge;
            keys[i] = ((ulong)edge.Source << 36) | ((ulong)edge.Target << 8) | (byte)edge.Kind;
        }

        // Array.Sort is not stable, but it is deterministic, and edges with equal keys (the same ends and kind) do not occur.
        Array.Sort(keys, Edges);

        // Edges are sorted by source, then target: node i's own edges (it is their source) are one run of the
        // array, already ordered by target, so a slice finds its edges by walking or binary-searching runs.
        _outStart = new int[Nodes.Length + 1];
        foreach (var edge in Edges)
        {
            _outStart[edge.Source + 1]++;
        }

        for (var i = 0; i < Nodes.Length; i++)
        {
            _outStart[i + 1] += _outStart[i];
        }
    }

    private readonly int[] _outStart;

    public Entity[] Nodes { get; }

    public Dictionary<Entity, int> IndexOf { get; }

    public IndexedEdge[] Edges { get; }

    /// <summary>
    /// Edges with both ends in <paramref name="members"/>, in graph order. Each edge is found from its source
    /// only, so a hub that is mostly a target (a topic, a venue-like institution) costs nothing; a source with
    /// many more edges than the slice has members (a prolific author) looks each member up instead.
    /// </summary>
    public List<IndexedEdge> EdgesWithin(IReadOnlyList<int> members)
    {
        var edges = new List<IndexedEdge>();
        EdgesWithin(members, edges);
        return edges;
    }

    /// <summary><see cref="EdgesWithin(IReadOnlyList{int})"/> into a list the caller reuses (it is cleared first).</summary>
    public void EdgesWithin(IReadOnlyList<int> members, List<IndexedEdge> edges)
    {
        edges.Clear();
        // Membership by a per-thread stamp array, not a hash set: one slice is cut per entity.
        var marks = _marks.Value ??= new int[Nodes.Length];
        var stamp = ++_stamp.Value;
        var sorted = new int[members.Count];
        for (var m = 0; m < sorted.Length; m++)
        {
            sorted[m] = members[m];
            marks[members[m]] = stamp;
        }

        // Sources in ascending order and each source's run in target order give the edges in graph order.
        Array.Sort(sorted);
        var lookupCost = sorted.Length * 2;
        foreach (var source in sorted)
        {
            int from = _outStart[source], to = _outStart[source + 1];
            var run = to - from;
            if (run == 0)
            {
                continue;
            }

            // Walking d edges beats k binary searches of log2(d) steps each (and their cache misses) up to about here.
            if (run <= lookupCost * (System.Numerics.BitOperations.Log2((uint)run) + 1))
            {
                for (var e = from; e < to; e++)
                {
                    if (marks[Edges[e].Target] == stamp)
                    {
                        edges.Add(Edges[e]);
                    }
                }

                continue;
            }

            foreach (var target in sorted)
            {
                for (var e = FirstWithTarget(from, to, target); e < to && Edges[e].Target == target; e++)
                {
                    edges.Add(Edges[e]);
                }
            }
        }
    }

    /// <summary>The first edge in [from, to) whose target is at least <paramref name="target"/> (the run is sorted by target).</summary>
    private int FirstWithTarget(int from, int to, int target)
    {
        while (from < to)
        {
            var middle = from + ((to - from) >> 1);
            if (Edges[middle].Target < target)
            {
                from = middle + 1;
            }
            else
            {
                to = middle;
            }
        }

        return from;
    }

    private readonly ThreadLocal<int[]?> _marks = new();
    private readonly ThreadLocal<int> _stamp = new();
}

internal readonly record struct IndexedEdge(int Source, int Target, EdgeKind Kind, int Weight);
