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
            var edge = new IndexedEdge(IndexOf(e.From), IndexOf(e.To), e.Kind, e.Weight);
            Edges[i] = edge;
            keys[i] = ((ulong)edge.Source << 36) | ((ulong)edge.Target << 8) | (byte)edge.Kind;
        }

        // Array.Sort is not stable, but it is deterministic, and edges with equal keys (the same ends and kind) do not occur.
        Array.Sort(keys, Edges);

        // Edges are sorted by source, then target: node i's own edges (it is their source) are one run of the
        // array, already ordered by target, so a slice finds its edges by walking or galloping through runs.
        _outStart = new int[Nodes.Length + 1];
        _runs = new ulong[Edges.Length];
        for (var i = 0; i < Edges.Length; i++)
        {
            var edge = Edges[i];
            _outStart[edge.Source + 1]++;
            _runs[i] = ((ulong)(uint)edge.Weight << WeightShift) | ((ulong)edge.Kind << KindShift) | (uint)edge.Target;
        }

        for (var i = 0; i < Nodes.Length; i++)
        {
            _outStart[i + 1] += _outStart[i];
        }
    }

    private readonly int[] _outStart;
    // Each edge's target, kind and weight in one word, in edge order: a slice tests a prolific author's whole run
    // against its members and keeps the hits without reaching into Edges, whose entries a hit would otherwise
    // fetch one cache miss apiece (a large site's edges take 16 MB).
    private readonly ulong[] _runs;
    private const int KindShift = 28;
    private const int WeightShift = 32;
    private const ulong TargetMask = (1UL << KindShift) - 1;

    public Entity[] Nodes { get; }

    /// <summary>Node i is the entity whose <see cref="Entity.Ordinal"/> is i: both follow <see cref="ContentGraph.AllEntities"/>.</summary>
    public int IndexOf(Entity entity)
    {
        var i = entity.Ordinal;
        return (uint)i < (uint)Nodes.Length && ReferenceEquals(Nodes[i], entity)
            ? i
            : throw new KeyNotFoundException($"{entity.NodeId} is not a node of this graph.");
    }

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
        for (var m = 1; m < members.Length; m++)
        {
            if (members[m] <= members[m - 1])
            {
                throw new ArgumentException("Members must be ascending and distinct.", nameof(members));
            }
        }

        // Membership by a per-thread bit set, one bit per node: a large site's 90,000 nodes take 11 KB, which stays
        // in the core's first-level cache while a prolific author's run is tested against it; an int per node did not
        // (360 KB). The bits are cleared again on the way out, so a slice costs its own size, not the graph's.
        var scratch = _scratch.Value ??= new Scratch(Nodes.Length);
        var (marks, positions) = (scratch.Marks, scratch.Positions);
        for (var m = 0; m < members.Length; m++)
        {
            marks[members[m] >> 6] |= 1UL << members[m];
            positions[members[m]] = m;
        }

        try
        {
            CollectWithin(members, edges, marks, positions);
        }
        finally
        {
            foreach (var member in members)
            {
                marks[member >> 6] = 0;
            }
        }
    }

    private void CollectWithin(int[] members, List<IndexedEdge> edges, ulong[] marks, int[] positions)
    {
        var runs = _runs;
        // Sources in ascending order and each source's run in target order give the edges in graph order.
        for (var m = 0; m < members.Length; m++)
        {
            var source = members[m];
            int from = _outStart[source], to = _outStart[source + 1];
            if (to - from <= members.Length * WalkPerMember)
            {
                // Without a branch per entry: whether an entry's target is a member is close to a coin toss, and a
                // mispredicted branch cost more than the test. Every entry is written and only the hits advance.
                var hits = _hits ??= new ulong[64];
                if (hits.Length < to - from)
                {
                    _hits = hits = new ulong[Math.Max(to - from, 2 * hits.Length)];
                }

                var count = 0;
                for (var e = from; e < to; e++)
                {
                    var run = runs[e];
                    var target = (int)(run & TargetMask);
                    hits[count] = run;
                    count += (int)((marks[target >> 6] >> target) & 1);
                }

                for (var h = 0; h < count; h++)
                {
                    edges.Add(Unpack(hits[h], m, positions[(int)(hits[h] & TargetMask)]));
                }

                continue;
            }

            // A run much longer than the slice (a prolific author's): both it and the members are sorted, so each
            // member is found by galloping on from where the one before it was, a few probes near each other.
            var at = from;
            for (var t = 0; t < members.Length && at < to; t++)
            {
                at = Gallop(at, to, members[t]);
                for (; at < to && (int)(runs[at] & TargetMask) == members[t]; at++)
                {
                    edges.Add(Unpack(runs[at], m, t));
                }
            }
        }
    }

    /// <summary>A thread's run entries that hit the slice, before they are unpacked (see <see cref="CollectWithin"/>).</summary>
    [ThreadStatic]
    private static ulong[]? _hits;

    // Beyond this many run entries per member, galloping (about 2·log2(gap) probes per member) beats testing every
    // entry: the large bench corpus walked 1.2 billion entries at 48 (site-within), 0.7 billion at 16.
    private const int WalkPerMember = 16;

    private static IndexedEdge Unpack(ulong run, int source, int target) =>
        new(source, target, (EdgeKind)((run >> KindShift) & 0xF), (int)(run >> WeightShift));

    private int TargetAt(int edge) => (int)(_runs[edge] & TargetMask);

    /// <summary>The first edge in [from, to) whose target is at least <paramref name="target"/> (the run is sorted by target).</summary>
    private int Gallop(int from, int to, int target)
    {
        if (TargetAt(from) >= target)
        {
            return from;
        }

        // TargetAt(low) < target throughout; widen the step until an entry reaches the target, then bisect.
        int low = from, step = 1;
        while (low + step < to && TargetAt(low + step) < target)
        {
            low += step;
            step <<= 1;
        }

        int high = Math.Min(low + step, to);
        low++;
        while (low < high)
        {
            var middle = low + ((high - low) >> 1);
            if (TargetAt(middle) < target)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private readonly ThreadLocal<Scratch?> _scratch = new();

    private sealed class Scratch(int nodes)
    {
        public readonly ulong[] Marks = new ulong[(nodes + 63) / 64];
        public readonly int[] Positions = new int[nodes];
    }
}

internal readonly record struct IndexedEdge(int Source, int Target, EdgeKind Kind, int Weight);
