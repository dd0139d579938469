using BzPeer.Graph.Layout;

namespace BzPeer.Graph.Slicing;

/// <summary>
/// Compact undirected adjacency (compressed sparse rows): node i's neighbours are
/// <c>Neighbours[Offsets[i]..Offsets[i+1]]</c> in ascending order, with the edge weight at the
/// same position in <c>Weights</c>. Built once from the edge list; immutable afterwards, so any
/// number of threads may slice it at once.
/// </summary>
internal sealed class GraphAdjacency
{
    private readonly int[] _offsets;
    private readonly int[] _neighbours;
    private readonly int[] _weights;
    private readonly int[] _ordinalRank;
    private readonly int[] _kind;
    private readonly ulong[] _neighbourKinds;
    private readonly ulong[] _degreeThenRank;

    private GraphAdjacency(int[] offsets, int[] neighbours, int[] weights, int[] ordinalRank, int[] kind, int kindCount)
    {
        _offsets = offsets;
        _neighbours = neighbours;
        _weights = weights;
        _ordinalRank = ordinalRank;
        _kind = kind;
        KindCount = kindCount;
        _neighbourKinds = new ulong[NodeCount];
        _degreeThenRank = new ulong[NodeCount];
        for (int node = 0; node < _neighbourKinds.Length; node++)
        {
            ulong mask = 0;
            foreach (int other in Neighbours(node))
                mask |= KindBit(kind[other]);
            _neighbourKinds[node] = mask;
            _degreeThenRank[node] = ((ulong)(uint)(int.MaxValue - Degree(node)) << 32) | (uint)ordinalRank[node];
        }
    }

    public int NodeCount => _offsets.Length - 1;

    /// <summary>Distinct undirected edges (after dropping self loops and merging duplicates).</summary>
    public int EdgeCount => _neighbours.Length / 2;

    /// <summary>Distinct neighbours of <paramref name="node"/>.</summary>
    public int Degree(int node) => _offsets[node + 1] - _offsets[node];

    public ReadOnlySpan<int> Neighbours(int node) => _neighbours.AsSpan(_offsets[node], Degree(node));

    public ReadOnlySpan<int> Weights(int node) => _weights.AsSpan(_offsets[node], Degree(node));

    /// <summary>
    /// Position of the node's id in ordinal order (the last tie-break of slicing); the node
    /// index itself when the adjacency was built without ids.
    /// </summary>
    public int OrdinalRank(int node) => _ordinalRank[node];

    /// <summary>
    /// Higher degree first, then lower <see cref="OrdinalRank"/>, as one ascending key: slicing compares
    /// candidates by these thousands of times per slice, and one word per node is one cache miss, not three.
    /// </summary>
    public ulong DegreeThenRank(int node) => _degreeThenRank[node];

    /// <summary>
    /// The node's kind, 0..<see cref="KindCount"/>-1: one number per distinct id prefix (the text
    /// before the first ':', as in "r:ada"), numbered in ordinal order of the prefixes; ids without
    /// a ':' share the empty prefix. All nodes are kind 0 when the adjacency was built without ids.
    /// </summary>
    public int Kind(int node) => _kind[node];

    /// <summary>Number of distinct node kinds (at least 1).</summary>
    public int KindCount { get; }

    /// <summary>
    /// The kinds among the node's neighbours, one bit per kind (<see cref="KindBit"/>): a slice's last level
    /// skips the nodes that cannot lead to a kind it still looks for.
    /// </summary>
    public ulong NeighbourKinds(int node) => _neighbourKinds[node];

    /// <summary>The bit of a kind in <see cref="NeighbourKinds"/>; kinds past the 64th share every bit, so they are never skipped.</summary>
    public static ulong KindBit(int kind) => kind < 64 ? 1UL << kind : ulong.MaxValue;

    /// <summary>
    /// Builds the adjacency of <paramref name="nodeCount"/> nodes. Self loops are dropped and
    /// duplicate edges merged, their weights added. Give <paramref name="nodeIds"/> so that ties
    /// in slicing are broken by ordinal id; without them, by node index.
    /// </summary>
    /// <exception cref="ArgumentException">An edge refers to a missing node or has a weight below 1; ids are missing or repeated.</exception>
    public static GraphAdjacency Build(int nodeCount, IReadOnlyList<LayoutEdge> edges, IReadOnlyList<string>? nodeIds = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nodeCount);
        ArgumentNullException.ThrowIfNull(edges);

        var keys = new long[edges.Count];
        var keyWeights = new int[edges.Count];
        int count = 0;
        for (int e = 0; e < edges.Count; e++)
        {
            var edge = edges[e];
            if ((uint)edge.Source >= (uint)nodeCount || (uint)edge.Target >= (uint)nodeCount)
                throw new ArgumentOutOfRangeException(nameof(edges), $"Edge {e} ({edge.Source}, {edge.Target}) refers to a node outside 0..{nodeCount - 1}.");
            if (edge.Weight <= 0)
                throw new ArgumentOutOfRangeException(nameof(edges), $"Edge {e} has weight {edge.Weight}; weights must be positive.");
            if (edge.Source == edge.Target)
                continue;
            int low = Math.Min(edge.Source, edge.Target), high = Math.Max(edge.Source, edge.Target);
            keys[count] = ((long)low << 32) | (uint)high;
            keyWeights[count++] = edge.Weight;
        }
        SortByEnds(keys, keyWeights, count, nodeCount);
        int unique = 0;
        for (int e = 0; e < count; e++)
        {
            if (unique > 0 && keys[unique - 1] == keys[e])
            {
                keyWeights[unique - 1] = checked(keyWeights[unique - 1] + keyWeights[e]);
                continue;
            }
            keys[unique] = keys[e];
            keyWeights[unique++] = keyWeights[e];
        }

        var offsets = new int[nodeCount + 1];
        for (int e = 0; e < unique; e++)
        {
            offsets[(int)(keys[e] >> 32) + 1]++;
            offsets[(int)(keys[e] & 0xFFFFFFFF) + 1]++;
        }
        for (int i = 0; i < nodeCount; i++)
            offsets[i + 1] += offsets[i];
        var cursor = offsets[..nodeCount];
        var neighbours = new int[2 * unique];
        var weights = new int[2 * unique];
        // Keys are sorted by (low, high), so every row is filled in ascending neighbour order.
        for (int e = 0; e < unique; e++)
        {
            int low = (int)(keys[e] >> 32), high = (int)(keys[e] & 0xFFFFFFFF);
            neighbours[cursor[low]] = high;
            weights[cursor[low]++] = keyWeights[e];
            neighbours[cursor[high]] = low;
            weights[cursor[high]++] = keyWeights[e];
        }
        var ordinalRank = OrdinalRanks(nodeCount, nodeIds); // validates the ids
        var (kind, kindCount) = Kinds(nodeCount, nodeIds);
        return new GraphAdjacency(offsets, neighbours, weights, ordinalRank, kind, kindCount);
    }

    /// <summary>
    /// Sorts the first <paramref name="count"/> keys (low end in the high 32 bits, high end in the low 32)
    /// with their weights: two stable counting passes, by the high end and then by the low end, which cost
    /// O(edges + nodes) where a comparison sort costs O(edges · log edges). Duplicates end up adjacent.
    /// </summary>
    private static void SortByEnds(long[] keys, int[] weights, int count, int nodeCount)
    {
        var spareKeys = new long[count];
        var spareWeights = new int[count];
        var next = new int[nodeCount + 1];
        CountingPass(keys, weights, spareKeys, spareWeights, count, next, shift: 0);
        CountingPass(spareKeys, spareWeights, keys, weights, count, next, shift: 32);
    }

    private static void CountingPass(long[] keys, int[] weights, long[] sortedKeys, int[] sortedWeights, int count, int[] next, int shift)
    {
        Array.Clear(next);
        for (int e = 0; e < count; e++)
            next[(int)((keys[e] >> shift) & 0xFFFFFFFF) + 1]++;
        for (int i = 1; i < next.Length; i++)
            next[i] += next[i - 1];
        for (int e = 0; e < count; e++)
        {
            int at = next[(int)((keys[e] >> shift) & 0xFFFFFFFF)]++;
            sortedKeys[at] = keys[e];
            sortedWeights[at] = weights[e];
        }
    }

    /// <summary>Numbers the id prefixes ("r", "p", "t"...) in ordinal order, so the numbering does not depend on node order.</summary>
    private static (int[] Kind, int KindCount) Kinds(int nodeCount, IReadOnlyList<string>? nodeIds)
    {
        var kind = new int[nodeCount];
        if (nodeIds is null || nodeCount == 0)
            return (kind, 1);
        var prefixes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < nodeCount; i++)
            prefixes.TryAdd(PrefixOf(nodeIds[i]), 0);
        int number = 0;
        foreach (var prefix in prefixes.Keys.ToArray())
            prefixes[prefix] = number++;
        for (int i = 0; i < nodeCount; i++)
            kind[i] = prefixes[PrefixOf(nodeIds[i])];
        return (kind, prefixes.Count);
    }

    private static string PrefixOf(string id)
    {
        int colon = id.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? "" : id[..colon];
    }

    private static int[] OrdinalRanks(int nodeCount, IReadOnlyList<string>? nodeIds)
    {
        var order = new int[nodeCount];
        for (int i = 0; i < nodeCount; i++)
            order[i] = i;
        if (nodeIds is null)
            return order;
        if (nodeIds.Count != nodeCount)
            throw new ArgumentException($"{nodeIds.Count} ids given for {nodeCount} nodes.", nameof(nodeIds));
        var ids = new string[nodeCount];
        for (int i = 0; i < nodeCount; i++)
            ids[i] = nodeIds[i] ?? throw new ArgumentException($"Node {i} has a null id.", nameof(nodeIds));
        Array.Sort(ids, order, StringComparer.Ordinal);
        var rank = new int[nodeCount];
        for (int r = 0; r < nodeCount; r++)
        {
            if (r > 0 && string.Equals(ids[r - 1], ids[r], StringComparison.Ordinal))
                throw new ArgumentException($"Node id '{ids[r]}' occurs more than once.", nameof(nodeIds));
            rank[order[r]] = r;
        }
        return rank;
    }
}
