namespace BzPeer.Graph.Slicing;

/// <summary>
/// The neighbours of a graph's hubs ranked for slicing: grouped by kind, and within a kind best first in the order a
/// slice keeps a level's nodes by (heavier edge, then <see cref="GraphAdjacency.DegreeThenRank"/>). A slice's last
/// level then reads a hub only as far as it can use (<see cref="SliceWorkspace"/>): a researcher's topics border
/// hundreds to thousands of works each, of which the slice keeps at most its cap. Immutable once built.
/// </summary>
internal sealed class HubRanking
{
    private readonly int[] _slot;        // the hub's row in _groupStart; -1 for a node that is not a hub
    private readonly int[] _groupStart;  // KindCount + 1 positions per hub
    private readonly int[] _neighbours;
    private readonly int[] _weights;
    private readonly int _kindCount;

    private HubRanking(int[] slot, int[] groupStart, int[] neighbours, int[] weights, int kindCount)
    {
        _slot = slot;
        _groupStart = groupStart;
        _neighbours = neighbours;
        _weights = weights;
        _kindCount = kindCount;
    }

    /// <summary>
    /// Ranks the neighbours of every node with at least <paramref name="minDegree"/> of them. A slice of at most
    /// <c>maxNodes</c> nodes can only gain from lists longer than that, so slicers pass <c>maxNodes + 1</c>.
    /// </summary>
    public static HubRanking Build(GraphAdjacency adjacency, int minDegree, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(adjacency);
        ArgumentOutOfRangeException.ThrowIfLessThan(minDegree, 1);
        int kindCount = adjacency.KindCount;
        var slot = new int[adjacency.NodeCount];
        var hubs = new List<int>();
        var hubStart = new List<int> { 0 };
        for (int node = 0; node < slot.Length; node++)
        {
            slot[node] = -1;
            if (adjacency.Degree(node) >= minDegree)
            {
                slot[node] = hubs.Count;
                hubs.Add(node);
                hubStart.Add(hubStart[^1] + adjacency.Degree(node));
            }
        }

        var groupStart = new int[hubs.Count * (kindCount + 1)];
        var neighbours = new int[hubStart[^1]];
        var weights = new int[neighbours.Length];
        // Each hub fills its own rows, so the hubs are ranked on every core; scratch is per worker.
        Parallel.For(0, hubs.Count, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism },
            () => Array.Empty<RankedNeighbour>(),
            (h, _, scratch) =>
            {
                int node = hubs[h], degree = adjacency.Degree(node), at = hubStart[h];
                if (scratch.Length < degree)
                    scratch = new RankedNeighbour[Math.Max(degree, 2 * scratch.Length)];
                var list = adjacency.Neighbours(node);
                var listWeights = adjacency.Weights(node);
                for (int k = 0; k < degree; k++)
                {
                    int other = list[k];
                    // Kind, then heavier edge first (weights are positive), then the slice's own tie-break.
                    ulong first = ((ulong)(uint)adjacency.Kind(other) << 32) | (uint)(int.MaxValue - listWeights[k]);
                    scratch[k] = new RankedNeighbour(first, adjacency.DegreeThenRank(other), other, listWeights[k]);
                }
                var ranked = scratch.AsSpan(0, degree);
                ranked.Sort(default(RankedNeighbourOrder));
                var starts = groupStart.AsSpan(h * (kindCount + 1), kindCount + 1);
                int kind = 0;
                for (int k = 0; k < degree; k++)
                {
                    int of = adjacency.Kind(ranked[k].Node);
                    while (kind <= of)
                        starts[kind++] = at + k;
                    neighbours[at + k] = ranked[k].Node;
                    weights[at + k] = ranked[k].Weight;
                }
                while (kind <= kindCount)
                    starts[kind++] = at + degree;
                return scratch;
            },
            _ => { });
        return new HubRanking(slot, groupStart, neighbours, weights, kindCount);
    }

    /// <summary>
    /// A hub's neighbours by kind, best first: group k is <c>Neighbours[Starts[k]..Starts[k + 1]]</c>, with the edge
    /// weights at the same positions in <c>Weights</c>. False for a node that is not a hub.
    /// </summary>
    public bool Groups(int node, out ReadOnlySpan<int> starts, out ReadOnlySpan<int> neighbours, out ReadOnlySpan<int> weights)
    {
        int slot = _slot[node];
        if (slot < 0)
        {
            starts = neighbours = weights = default;
            return false;
        }
        starts = _groupStart.AsSpan(slot * (_kindCount + 1), _kindCount + 1);
        neighbours = _neighbours;
        weights = _weights;
        return true;
    }

    private readonly record struct RankedNeighbour(ulong First, ulong Second, int Node, int Weight);

    private readonly struct RankedNeighbourOrder : IComparer<RankedNeighbour>
    {
        public int Compare(RankedNeighbour a, RankedNeighbour b)
        {
            int byFirst = a.First.CompareTo(b.First);
            return byFirst != 0 ? byFirst : a.Second.CompareTo(b.Second);
        }
    }
}
