using BzPeer.Graph.Layout;

namespace BzPeer.Graph.Slicing;

/// <summary>
/// Scratch memory of one thread's slices. Per-node arrays are valid only where
/// <c>_stamp[node]</c> equals the current slice's stamp, so they are never cleared between slices.
/// </summary>
internal sealed class SliceWorkspace
{
    private int[] _stamp = [];
    private int[] _hop = [];
    private int[] _connection = [];   // heaviest edge to a node one hop closer to the centre
    private int[] _localIndex = [];   // position of a node in the slice, for InducedEdges
    private int[] _chosen = [];       // stamped when a node is kept by its kind's share
    private int _currentStamp;
    private int[] _frontier = new int[64];
    private int[] _level = new int[64];
    private int[] _heap = new int[64];
    private int[] _candidates = new int[64];  // every node found, by hop
    private int[] _byKind = new int[64];
    private int[] _rest = new int[64];
    private int[] _kindStart = [];
    private int[] _kindNearest = [];
    private int[] _kindReserve = [];
    private int _frontierCount, _levelCount, _candidateCount, _restCount;
    private readonly List<int> _kept = [];
    // The level whose walk read only the best of some hubs' neighbours (CollectBest); 0 when every list was read whole.
    private int _cutHop;

    /// <summary>Slices whose last level read only the best of a hub's neighbours, and of those, slices walked again in full.</summary>
    internal int WalksCutShort { get; private set; }

    /// <inheritdoc cref="WalksCutShort"/>
    internal int WalksRepeated { get; private set; }

    /// <param name="hubs">With it, the last level reads only the best of each hub's neighbours (<see cref="CollectBest"/>).</param>
    public int[] Slice(GraphAdjacency adjacency, int center, int radius, int maxNodes, HubRanking? hubs = null)
    {
        if (!TrySlice(adjacency, center, radius, maxNodes, hubs))
        {
            WalksRepeated++;
            TrySlice(adjacency, center, radius, maxNodes, hubs: null);
        }

        var result = _kept.ToArray();
        Array.Sort(result);
        return result;
    }

    /// <summary>
    /// Fills <c>_kept</c>. False when the last level read only the best of some hubs' neighbours and the rule needs
    /// more than that after all (see <see cref="KeepRepresentative"/>); never false without <paramref name="hubs"/>.
    /// </summary>
    private bool TrySlice(GraphAdjacency adjacency, int center, int radius, int maxNodes, HubRanking? hubs)
    {
        BeginSlice(adjacency.NodeCount);
        _kept.Clear();
        _kept.Add(center);
        Visit(center, 0, 0);
        int room = maxNodes - 1;
        if (room <= 0)
            return true;
        CollectCandidates(adjacency, radius, room, hubs);
        if (_cutHop > 0)
            WalksCutShort++;
        if (_candidateCount <= room)
        {
            foreach (int node in _candidates.AsSpan(0, _candidateCount))
                _kept.Add(node);
            return true;
        }
        return KeepRepresentative(adjacency, room);
    }

    public LayoutEdge[] InducedEdges(GraphAdjacency adjacency, ReadOnlySpan<int> slice)
    {
        BeginSlice(adjacency.NodeCount);
        for (int local = 0; local < slice.Length; local++)
        {
            int node = slice[local];
            if ((uint)node >= (uint)adjacency.NodeCount)
                throw new ArgumentOutOfRangeException(nameof(slice), node, "is not a node index");
            if (local > 0 && node <= slice[local - 1])
                throw new ArgumentException("Slice nodes must be ascending and distinct.", nameof(slice));
            _stamp[node] = _currentStamp;
            _localIndex[node] = local;
        }
        var edges = new List<LayoutEdge>();
        for (int source = 0; source < slice.Length; source++)
        {
            int node = slice[source];
            var neighbours = adjacency.Neighbours(node);
            var weights = adjacency.Weights(node);
            if (neighbours.Length > 4 * slice.Length)
            {
                // A hub: look the later slice nodes up in its (sorted) neighbours instead of scanning them all.
                for (int target = source + 1; target < slice.Length; target++)
                {
                    int k = neighbours.BinarySearch(slice[target]);
                    if (k >= 0)
                        edges.Add(new LayoutEdge(source, target, weights[k]));
                }
                continue;
            }
            for (int k = 0; k < neighbours.Length; k++)
            {
                int other = neighbours[k];
                if (other > node && _stamp[other] == _currentStamp)
                    edges.Add(new LayoutEdge(source, _localIndex[other], weights[k]));
            }
        }
        return [.. edges];
    }

    /// <summary>
    /// Walks breadth first from the centre (already visited) and gathers the candidates, hop by hop,
    /// into <c>_candidates</c>, noting each kind's nearest hop in <c>_kindNearest</c>. Up to
    /// <paramref name="radius"/> hops, but no further than one level past the first level that
    /// overflows <paramref name="room"/>: that extra level holds the kinds next to the overflowing
    /// one (a hub's topics lie behind its papers). Of the extra level only kinds not seen nearer are
    /// kept: the others could never be chosen, as the nearer levels alone fill the places left
    /// after the shares. So a slice never walks further than it can use.
    /// With <paramref name="hubs"/>, the last level, when no level before it overflowed, reads only the best
    /// <c>room + 1</c> of each kind from each hub (<see cref="CollectBest"/>).
    /// </summary>
    private void CollectCandidates(GraphAdjacency adjacency, int radius, int room, HubRanking? hubs)
    {
        _cutHop = 0;
        int kindCount = adjacency.KindCount;
        if (_kindNearest.Length < kindCount)
        {
            _kindNearest = new int[kindCount];
            _kindStart = new int[kindCount + 1];
        }
        var nearest = _kindNearest.AsSpan(0, kindCount);
        nearest.Fill(int.MaxValue);
        int kindsSeen = 0;
        _candidateCount = 0;
        _frontierCount = 0;
        Push(ref _frontier, ref _frontierCount, _kept[0]);
        int overflowHop = 0, lastHop = radius;
        for (int hop = 1; hop <= lastHop && _frontierCount > 0; hop++)
        {
            bool extra = overflowHop > 0;
            if (extra && kindsSeen == kindCount)
                break;
            var cut = !extra && hop == lastHop ? hubs : null;
            CollectLevel(adjacency, hop, extra ? UnseenKinds(nearest) : ulong.MaxValue, cut, room + 1);
            foreach (int node in _level.AsSpan(0, _levelCount))
            {
                int kind = adjacency.Kind(node);
                if (nearest[kind] == int.MaxValue)
                {
                    nearest[kind] = hop;
                    kindsSeen++;
                }
                if (!extra || nearest[kind] == hop)
                    Push(ref _candidates, ref _candidateCount, node);
            }
            if (_candidateCount > room && overflowHop == 0)
            {
                overflowHop = hop;
                lastHop = Math.Min(radius, hop + 1);
            }
            (_frontier, _level) = (_level, _frontier);
            _frontierCount = _levelCount;
        }
    }

    /// <summary>
    /// Keeps <paramref name="room"/> of the candidates (more than fit) so that every kind present
    /// gets a fair share (docs/graph-slices.md). Each kind reserves <c>room / kinds present</c>
    /// places (fewer if it has fewer nodes at its nearest hop); the places not reserved are the
    /// fill. Then level by level, nearest first: the kinds whose nearest hop this is take their
    /// reserved places, then the fill takes the level whole if it fits, else its best. From hop 2
    /// on a node's connection is its heaviest edge to a node kept from the level before, so what
    /// a level keeps hangs on what is already kept.
    /// Returns false, keeping nothing more, when the level that read only its hubs' best (<c>_cutHop</c>) would be
    /// ranked by connections to a level before it that was not kept whole: a node with no kept neighbour there ranks by
    /// degree alone, which a hub's ranked list does not follow.
    /// </summary>
    private bool KeepRepresentative(GraphAdjacency adjacency, int room)
    {
        var candidates = _candidates.AsSpan(0, _candidateCount);
        var order = new KeepOrder(adjacency, _hop, _connection);
        int kindCount = adjacency.KindCount;
        var nearest = _kindNearest.AsSpan(0, kindCount);
        if (_kindReserve.Length < kindCount)
            _kindReserve = new int[kindCount];
        var reserve = _kindReserve.AsSpan(0, kindCount);
        reserve.Clear();
        int kindsPresent = 0;
        foreach (int node in candidates)
        {
            int kind = adjacency.Kind(node);
            if (_hop[node] == nearest[kind])
                reserve[kind]++;
        }
        for (int kind = 0; kind < kindCount; kind++)
            if (nearest[kind] != int.MaxValue)
                kindsPresent++;
        int share = room / kindsPresent;
        int reserved = 0;
        for (int kind = 0; kind < kindCount; kind++)
        {
            reserve[kind] = Math.Min(reserve[kind], share);
            reserved += reserve[kind];
        }
        int fill = room - reserved;

        int parentsFrom = 0, previousLevelSize = 1;   // level 0: the centre, at _kept[0]
        for (int i = 0; i < candidates.Length && (fill > 0 || reserved > 0);)
        {
            int hop = _hop[candidates[i]];
            int end = i;
            while (end < candidates.Length && _hop[candidates[end]] == hop)
                end++;
            var level = candidates[i..end];
            i = end;
            int levelFrom = _kept.Count;
            // When the level before was kept whole, the walk's connections are already to kept nodes.
            if (levelFrom - parentsFrom < previousLevelSize)
            {
                if (hop == _cutHop)
                    return false;
                ConnectToKept(adjacency, level, levelFrom - parentsFrom, parentsFrom, hop);
            }
            parentsFrom = levelFrom;
            previousLevelSize = level.Length;

            int taken = KeepShares(adjacency, level, hop, reserve, order);
            reserved -= taken;

            if (fill == 0)
                continue;
            _restCount = 0;
            foreach (int node in level)
                if (_chosen[node] != _currentStamp)
                    Push(ref _rest, ref _restCount, node);
            var best = _restCount <= fill ? _rest.AsSpan(0, _restCount) : SelectBest(_rest.AsSpan(0, _restCount), fill, order);
            foreach (int node in best)
                _kept.Add(node);
            fill -= best.Length;
        }
        return true;
    }

    /// <summary>Keeps the reserved places of the kinds whose nearest hop is <paramref name="hop"/>; returns how many.</summary>
    private int KeepShares(GraphAdjacency adjacency, Span<int> level, int hop, Span<int> reserve, KeepOrder order)
    {
        int kindCount = reserve.Length;
        var nearest = _kindNearest.AsSpan(0, kindCount);
        var start = _kindStart.AsSpan(0, kindCount + 1);
        start.Clear();
        // Counting sort of this level's nodes of those kinds, so each kind's lie next to each other.
        foreach (int node in level)
        {
            int kind = adjacency.Kind(node);
            if (nearest[kind] == hop && reserve[kind] > 0)
                start[kind + 1]++;
        }
        for (int kind = 0; kind < kindCount; kind++)
            start[kind + 1] += start[kind];
        if (start[kindCount] == 0)
            return 0;
        if (_byKind.Length < start[kindCount])
            _byKind = new int[Math.Max(start[kindCount], 2 * _byKind.Length)];
        foreach (int node in level)
        {
            int kind = adjacency.Kind(node);
            if (nearest[kind] == hop && reserve[kind] > 0)
                _byKind[start[kind]++] = node;
        }
        int taken = 0, from = 0;
        for (int kind = 0; kind < kindCount; kind++)
        {
            var ofKind = _byKind.AsSpan(from, start[kind] - from);
            from = start[kind];
            if (ofKind.IsEmpty)
                continue;
            var best = ofKind.Length <= reserve[kind] ? ofKind : SelectBest(ofKind, reserve[kind], order);
            foreach (int node in best)
            {
                _chosen[node] = _currentStamp;
                _kept.Add(node);
            }
            taken += best.Length;
        }
        return taken;
    }

    /// <summary>
    /// Sets the connection of each node of <paramref name="level"/> to its heaviest edge to one of the
    /// <paramref name="parentCount"/> nodes kept from the level before (at <c>_kept[parentsFrom..]</c>); 0 if none.
    /// Those parents were expanded by the walk, so this costs no more than the walk did.
    /// </summary>
    private void ConnectToKept(GraphAdjacency adjacency, Span<int> level, int parentCount, int parentsFrom, int hop)
    {
        foreach (int node in level)
            _connection[node] = 0;
        for (int p = parentsFrom; p < parentsFrom + parentCount; p++)
        {
            int parent = _kept[p];
            var neighbours = adjacency.Neighbours(parent);
            var weights = adjacency.Weights(parent);
            for (int k = 0; k < neighbours.Length; k++)
            {
                int node = neighbours[k];
                if (_stamp[node] == _currentStamp && _hop[node] == hop && weights[k] > _connection[node])
                    _connection[node] = weights[k];
            }
        }
    }

    /// <summary>The kinds no level so far has held, as <see cref="GraphAdjacency.NeighbourKinds"/> bits.</summary>
    private static ulong UnseenKinds(ReadOnlySpan<int> nearest)
    {
        ulong unseen = 0;
        for (int kind = 0; kind < nearest.Length; kind++)
            if (nearest[kind] == int.MaxValue)
                unseen |= GraphAdjacency.KindBit(kind);
        return unseen;
    }

    /// <summary>
    /// Finds the nodes <paramref name="hop"/> hops away (neighbours of the frontier not seen before) and their
    /// connection weights. Frontier nodes with no neighbour of a kind in <paramref name="wanted"/> are not
    /// expanded: on the extra level (see <see cref="CollectCandidates"/>) only unseen kinds are kept, so a
    /// researcher's co-authors, who border papers and people but no topic, need not be walked to find its topics.
    /// With <paramref name="hubs"/>, a hub with more than <paramref name="best"/> neighbours is read by <see cref="CollectBest"/>.
    /// </summary>
    private void CollectLevel(GraphAdjacency adjacency, int hop, ulong wanted, HubRanking? hubs, int best)
    {
        _levelCount = 0;
        foreach (int from in _frontier.AsSpan(0, _frontierCount))
        {
            if ((adjacency.NeighbourKinds(from) & wanted) == 0)
                continue;
            if (hubs is not null && adjacency.Degree(from) > best && hubs.Groups(from, out var starts, out var ranked, out var rankedWeights))
            {
                CollectBest(hop, best, starts, ranked, rankedWeights);
                continue;
            }
            var neighbours = adjacency.Neighbours(from);
            var weights = adjacency.Weights(from);
            for (int k = 0; k < neighbours.Length; k++)
            {
                int node = neighbours[k];
                if (_stamp[node] != _currentStamp)
                {
                    Visit(node, hop, weights[k]);
                    Push(ref _level, ref _levelCount, node);
                }
                else if (_hop[node] == hop && weights[k] > _connection[node])
                {
                    _connection[node] = weights[k];
                }
            }
        }
    }

    /// <summary>
    /// Reads a hub's neighbours on the slice's last level only as far as the first <paramref name="best"/> of each
    /// kind that lie on this level (new here, or already reached on it from another node), in the order of
    /// <see cref="HubRanking"/>. The slice keeps at most <c>room</c> nodes of a kind from a level, and
    /// when the connections are to the whole level before (kept whole), a node kept from this level through its
    /// heaviest edge to this hub has fewer than <c>room</c> nodes of its kind ahead of it in the hub's list, each
    /// ranked ahead of it overall: so it is read, with its connection. One more than <c>room</c> tells an overflowing
    /// level from a full one, and each kind present is still seen, with at least as many nodes as its share.
    /// </summary>
    private void CollectBest(int hop, int best, ReadOnlySpan<int> starts, ReadOnlySpan<int> neighbours, ReadOnlySpan<int> weights)
    {
        for (int kind = 0; kind + 1 < starts.Length; kind++)
        {
            int end = starts[kind + 1], found = 0, k = starts[kind];
            for (; k < end && found < best; k++)
            {
                int node = neighbours[k];
                if (_stamp[node] != _currentStamp)
                {
                    Visit(node, hop, weights[k]);
                    Push(ref _level, ref _levelCount, node);
                    found++;
                }
                else if (_hop[node] == hop)
                {
                    if (weights[k] > _connection[node])
                        _connection[node] = weights[k];
                    found++;
                }
            }
            if (k < end)
                _cutHop = hop;
        }
    }

    /// <summary>
    /// The <paramref name="count"/> best candidates (in no particular order), by a bounded heap whose
    /// root is the worst kept so far: O(m log count) rather than sorting all m candidates, which
    /// matters when a hub puts thousands of nodes on the level.
    /// </summary>
    private Span<int> SelectBest(Span<int> candidates, int count, KeepOrder order)
    {
        if (_heap.Length < count)
            _heap = new int[Math.Max(count, 2 * _heap.Length)];
        var heap = _heap.AsSpan(0, count);
        int size = 0;
        foreach (int node in candidates)
        {
            if (size < count)
            {
                // Sift up: a parent must rank after (be worse than) its children.
                int child = size++;
                while (child > 0)
                {
                    int parent = (child - 1) / 2;
                    if (order.Compare(heap[parent], node) > 0)
                        break;
                    heap[child] = heap[parent];
                    child = parent;
                }
                heap[child] = node;
            }
            else if (order.Compare(node, heap[0]) < 0)
            {
                // Replace the worst and sift down.
                int parent = 0;
                while (true)
                {
                    int child = 2 * parent + 1;
                    if (child >= size)
                        break;
                    if (child + 1 < size && order.Compare(heap[child + 1], heap[child]) > 0)
                        child++;
                    if (order.Compare(heap[child], node) <= 0)
                        break;
                    heap[parent] = heap[child];
                    parent = child;
                }
                heap[parent] = node;
            }
        }
        return heap[..size];
    }

    private void Visit(int node, int hop, int connection)
    {
        _stamp[node] = _currentStamp;
        _hop[node] = hop;
        _connection[node] = connection;
    }

    private void BeginSlice(int nodeCount)
    {
        if (_stamp.Length < nodeCount)
        {
            _stamp = new int[nodeCount];
            _hop = new int[nodeCount];
            _connection = new int[nodeCount];
            _localIndex = new int[nodeCount];
            _chosen = new int[nodeCount];
            _currentStamp = 0;
        }
        if (_currentStamp == int.MaxValue)
        {
            Array.Clear(_stamp);
            Array.Clear(_chosen);
            _currentStamp = 0;
        }
        _currentStamp++;
    }

    private static void Push(ref int[] buffer, ref int count, int value)
    {
        if (count == buffer.Length)
            Array.Resize(ref buffer, 2 * buffer.Length);
        buffer[count++] = value;
    }

    /// <summary>Lower hop first, then stronger connection, then higher degree, then ordinal id (a total order).</summary>
    private readonly struct KeepOrder(GraphAdjacency adjacency, int[] hop, int[] connection) : IComparer<int>
    {
        public int Compare(int a, int b)
        {
            int byHop = hop[a].CompareTo(hop[b]);
            if (byHop != 0)
                return byHop;
            int byConnection = connection[b].CompareTo(connection[a]);
            if (byConnection != 0)
                return byConnection;
            // Degree, then ordinal rank, packed in one word per node: one cache miss rather than three.
            return adjacency.DegreeThenRank(a).CompareTo(adjacency.DegreeThenRank(b));
        }
    }
}
