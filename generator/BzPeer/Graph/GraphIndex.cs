using BzPeer.Model;

namespace BzPeer.Graph;

/// <summary>
/// The content graph as arrays: node i is <see cref="Nodes"/>[i] (in node-kind, then id order, the order of
/// graph.json), edges as index pairs sorted by source then target (graph order), and each edge once more in the list
/// of its end with fewer edges, so that a slice finds its edges in about the size of its members' short lists.
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

        // Sorted by one packed key per edge (see Key) rather than through LINQ's three key selectors: a large site has
        // a million edges.
        Edges = new IndexedEdge[graph.Edges.Count];
        var keys = new ulong[Edges.Length];
        for (var i = 0; i < Edges.Length; i++)
        {
            var e = graph.Edges[i];
            var edge = new IndexedEdge(IndexOf(e.From), IndexOf(e.To), e.Kind, e.Weight);
            Edges[i] = edge;
            keys[i] = Key(edge.Source, edge.Target, edge.Kind);
        }

        // Array.Sort is not stable, but it is deterministic, and edges with equal keys (the same ends and kind) do not occur.
        Array.Sort(keys, Edges);

        // Each edge is kept once more, in the list of whichever end has fewer edges (ties: the lower index), with
        // the other end, its direction, kind and weight packed in one word. A slice finds its edges by walking its
        // members' lists: a prolific author's thousand co-authors and papers mostly have fewer edges than the
        // author, so those edges sit in their lists, and a hub's own list stays short.
        var degree = new int[Nodes.Length];
        foreach (var edge in Edges)
        {
            degree[edge.Source]++;
            degree[edge.Target]++;
        }

        _ownedStart = new int[Nodes.Length + 1];
        foreach (var edge in Edges)
        {
            _ownedStart[Owner(edge, degree) + 1]++;
        }

        for (var i = 0; i < Nodes.Length; i++)
        {
            _ownedStart[i + 1] += _ownedStart[i];
        }

        _owned = new ulong[Edges.Length];
        var next = _ownedStart[..^1];
        foreach (var edge in Edges)
        {
            if ((uint)edge.Kind > KindMask)
            {
                throw new InvalidOperationException($"Edge kind {edge.Kind} does not fit the packed edge lists.");
            }

            var owner = Owner(edge, degree);
            var ownerIsTarget = owner == edge.Target && owner != edge.Source;
            var other = ownerIsTarget ? edge.Source : edge.Target;
            _owned[next[owner]++] = ((ulong)(uint)edge.Weight << WeightShift) | (ownerIsTarget ? TargetOwns : 0)
                | ((ulong)edge.Kind << KindShift) | (uint)other;
        }
    }

    /// <summary>The end of an edge whose list holds it: the one with fewer edges, the lower index on a tie.</summary>
    private static int Owner(IndexedEdge edge, int[] degree) =>
        degree[edge.Source] < degree[edge.Target] || (degree[edge.Source] == degree[edge.Target] && edge.Source <= edge.Target)
            ? edge.Source
            : edge.Target;

    private readonly int[] _ownedStart;
    // Each edge once, in its owner's list (see the constructor): the other end (28 bits), the kind (3 bits), whether
    // the owner is the edge's target (1 bit) and the weight (32 bits).
    private readonly ulong[] _owned;
    private const int KindShift = 28;
    private const ulong KindMask = 0x7;
    private const ulong TargetOwns = 1UL << 31;
    private const int WeightShift = 32;
    private const ulong NodeMask = (1UL << KindShift) - 1;

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
    /// Each edge is found in the list of its end with fewer edges (see the constructor), so the cost is about the
    /// members' short lists, not a hub's thousands of edges.
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
        // in the core's first-level cache while the lists are tested against it; an int per node did not (360 KB).
        // The bits are cleared again on the way out, so a slice costs its own size, not the graph's.
        var scratch = _scratch.Value ??= new Scratch(Nodes.Length);
        var (marks, positions) = (scratch.Marks, scratch.Positions);
        for (var m = 0; m < members.Length; m++)
        {
            marks[members[m] >> 6] |= 1UL << members[m];
            positions[members[m]] = m;
        }

        try
        {
            var count = CollectWithin(members, marks, positions, scratch);
            InGraphOrder(scratch, count, members.Length);
            for (var h = 0; h < count; h++)
            {
                var key = scratch.Keys[h];
                edges.Add(new IndexedEdge(SourceOf(key), TargetOf(key), (EdgeKind)(key & 0xFF), scratch.Weights[h]));
            }
        }
        finally
        {
            foreach (var member in members)
            {
                marks[member >> 6] = 0;
            }
        }
    }

    /// <summary>
    /// Every edge between members, as a key (source position, target position, kind: the graph's order) and a
    /// weight in the scratch arrays; returns how many.
    /// </summary>
    private int CollectWithin(int[] members, ulong[] marks, int[] positions, Scratch scratch)
    {
        var owned = _owned;
        var count = 0;
        for (var m = 0; m < members.Length; m++)
        {
            int from = _ownedStart[members[m]], to = _ownedStart[members[m] + 1];
            var hits = scratch.Hits;
            if (hits.Length < to - from)
            {
                scratch.Hits = hits = new ulong[Math.Max(to - from, 2 * hits.Length)];
            }

            // Without a branch per entry: whether an entry's other end is a member is close to a coin toss, and a
            // mispredicted branch cost more than the test. Every entry is written and only the hits advance.
            var found = 0;
            for (var e = from; e < to; e++)
            {
                var entry = owned[e];
                var other = (int)(entry & NodeMask);
                hits[found] = entry;
                found += (int)((marks[other >> 6] >> other) & 1);
            }

            scratch.Reserve(count + found);
            for (var h = 0; h < found; h++)
            {
                var entry = hits[h];
                var other = positions[(int)(entry & NodeMask)];
                var (source, target) = (entry & TargetOwns) != 0 ? (other, m) : (m, other);
                scratch.Keys[count] = Key(source, target, (EdgeKind)((entry >> KindShift) & KindMask));
                scratch.Weights[count] = (int)(entry >> WeightShift);
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// Sorts the first <paramref name="count"/> keys (and their weights) ascending: by target and kind, then stably by
    /// source, two counting passes over at most <paramref name="memberCount"/> × 8 buckets. Keys never repeat (an
    /// edge's ends and kind identify it).
    /// </summary>
    private static void InGraphOrder(Scratch scratch, int count, int memberCount)
    {
        if (count < 2)
        {
            return;
        }

        if (memberCount > MaxCountingMembers)
        {
            Array.Sort(scratch.Keys, scratch.Weights, 0, count);
            return;
        }

        scratch.ReserveSorted(count, memberCount * 8);
        CountingPass<ByTargetAndKind>(scratch.Keys, scratch.Weights, scratch.SortedKeys, scratch.SortedWeights, count, scratch.Buckets, memberCount * 8);
        CountingPass<BySource>(scratch.SortedKeys, scratch.SortedWeights, scratch.Keys, scratch.Weights, count, scratch.Buckets, memberCount);
    }

    /// <summary>
    /// Members beyond which the counting sort's buckets (eight per member) would outgrow a core's cache and the edges
    /// they sort; a slice has at most <c>slice_max_nodes</c> (150 by default).
    /// </summary>
    internal const int MaxCountingMembers = 1024;

    /// <summary>One stable counting-sort pass of keys and weights by a bucket taken from the key.</summary>
    private static void CountingPass<TBucket>(ulong[] keys, int[] weights, ulong[] toKeys, int[] toWeights, int count, int[] buckets, int bucketCount)
        where TBucket : struct, IBucket
    {
        Array.Clear(buckets, 0, bucketCount + 1);
        for (var i = 0; i < count; i++)
        {
            buckets[TBucket.Of(keys[i]) + 1]++;
        }

        for (var b = 0; b < bucketCount; b++)
        {
            buckets[b + 1] += buckets[b];
        }

        for (var i = 0; i < count; i++)
        {
            var at = buckets[TBucket.Of(keys[i])]++;
            toKeys[at] = keys[i];
            toWeights[at] = weights[i];
        }
    }

    private interface IBucket
    {
        static abstract int Of(ulong key);
    }

    private readonly struct ByTargetAndKind : IBucket
    {
        public static int Of(ulong key) => (TargetOf(key) << 3) | (int)(key & KindMask);
    }

    private readonly struct BySource : IBucket
    {
        public static int Of(ulong key) => SourceOf(key);
    }

    /// <summary>
    /// An edge as one integer that sorts in graph order: source (28 bits), target (28 bits), kind (8 bits). Its ends
    /// are node indexes in <see cref="Edges"/>, positions among a slice's members in <see cref="EdgesWithin"/>.
    /// </summary>
    private static ulong Key(int source, int target, EdgeKind kind) => ((ulong)source << 36) | ((ulong)target << 8) | (byte)kind;

    private static int SourceOf(ulong key) => (int)(key >> 36);

    private static int TargetOf(ulong key) => (int)((key >> 8) & NodeMask);

    private readonly ThreadLocal<Scratch?> _scratch = new();

    /// <summary>A thread's working arrays for <see cref="EdgesWithin"/>, grown as slices need and kept.</summary>
    private sealed class Scratch(int nodes)
    {
        public readonly ulong[] Marks = new ulong[(nodes + 63) / 64];
        public readonly int[] Positions = new int[nodes];
        public ulong[] Hits = new ulong[64];
        public ulong[] Keys = new ulong[256];
        public int[] Weights = new int[256];
        public ulong[] SortedKeys = [];
        public int[] SortedWeights = [];
        public int[] Buckets = [];

        public void Reserve(int count)
        {
            if (Keys.Length < count)
            {
                var size = Math.Max(count, 2 * Keys.Length);
                Array.Resize(ref Keys, size);
                Array.Resize(ref Weights, size);
            }
        }

        public void ReserveSorted(int count, int buckets)
        {
            if (SortedKeys.Length < count)
            {
                SortedKeys = new ulong[Keys.Length];
                SortedWeights = new int[Keys.Length];
            }

            if (Buckets.Length < buckets + 1)
            {
                Buckets = new int[buckets + 1];
            }
        }
    }
}

internal readonly record struct IndexedEdge(int Source, int Target, EdgeKind Kind, int Weight);
