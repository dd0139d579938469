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
        NodeJson = new byte[Nodes.Length][];
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
        _targets = new int[Edges.Length];
        for (var i = 0; i < Edges.Length; i++)
        {
            _outStart[Edges[i].Source + 1]++;
            _targets[i] = Edges[i].Target;
        }

        for (var i = 0; i < Nodes.Length; i++)
        {
            _outStart[i + 1] += _outStart[i];
        }
    }

    private readonly int[] _outStart;
    private readonly int[] _targets;

    public Entity[] Nodes { get; }

    public Dictionary<Entity, int> IndexOf { get; }

    public IndexedEdge[] Edges { get; }

    /// <summary>Each node's fields as graph JSON, filled in by <see cref="GraphJson"/> as nodes are first written.</summary>
    internal byte[]?[] NodeJson { get; }

    /// <summary>
    /// The edges with both ends in <paramref name="members"/> (ascending node indexes), in graph order, their
    /// ends given as positions in <paramref name="members"/>, into a list the caller reuses (it is cleared first).
    /// Each edge is found from its source only, so a hub that is mostly a target (a topic, a venue-like
    /// institution) costs nothing; a source with many more edges than the slice has members (a prolific author)
    /// looks each member up instead.
    /// </summary>
    public void EdgesWithin(int[] members, List<IndexedEdge> edges)
    {
        edges.Clear();
        // Membership and position by per-thread arrays stamped per slice, not a hash map: one slice is cut per entity.
        var scratch = _scratch.Value ??= new Scratch(Nodes.Length);
        if (scratch.Stamp == int.MaxValue)
        {
            Array.Clear(scratch.Marks);
            scratch.Stamp = 0;
        }

        var stamp = ++scratch.Stamp;
        for (var m = 0; m < members.Length; m++)
        {
            if (m > 0 && members[m] <= members[m - 1])
            {
                throw new ArgumentException("Members must be ascending and distinct.", nameof(members));
            }

            scratch.Marks[members[m]] = stamp;
            scratch.Positions[members[m]] = m;
        }

        // Sources in ascending order and each source's run in target order give the edges in graph order.
        var (marks, positions, targets) = (scratch.Marks, scratch.Positions, _targets);
        var lookupCost = members.Length * 2;
        for (var m = 0; m < members.Length; m++)
        {
            var source = members[m];
            int from = _outStart[source], to = _outStart[source + 1];
            var run = to - from;
            if (run == 0)
            {
                continue;
            }

            // Walking d edges beats k binary searches of log2(d) steps each (and their cache misses) up to about here.
            if (run <= lookupCost * (System.Numerics.BitOperations.Log2((uint)run) + 1))
            {
                // The targets alone, a quarter of the edges' bytes: most of a prolific author's run is outside the slice.
                for (var e = from; e < to; e++)
                {
                    if (marks[targets[e]] == stamp)
                    {
                        edges.Add(Edges[e] with { Source = m, Target = positions[targets[e]] });
                    }
                }

                continue;
            }

            for (var t = 0; t < members.Length; t++)
            {
                for (var e = FirstWithTarget(from, to, members[t]); e < to && targets[e] == members[t]; e++)
                {
                    edges.Add(Edges[e] with { Source = m, Target = t });
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
            if (_targets[middle] < target)
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

    private readonly ThreadLocal<Scratch?> _scratch = new();

    private sealed class Scratch(int nodes)
    {
        public readonly int[] Marks = new int[nodes];
        public readonly int[] Positions = new int[nodes];
        public int Stamp;
    }
}

internal readonly record struct IndexedEdge(int Source, int Target, EdgeKind Kind, int Weight);
