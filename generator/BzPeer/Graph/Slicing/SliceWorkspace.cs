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
    private int _currentStamp;
    private int[] _frontier = new int[64];
    private int[] _level = new int[64];
    private int[] _heap = new int[64];
    private int _frontierCount, _levelCount;
    private readonly List<int> _kept = [];

    public int[] Slice(GraphAdjacency adjacency, int center, int radius, int maxNodes)
    {
        BeginSlice(adjacency.NodeCount);
        _kept.Clear();
        _kept.Add(center);
        Visit(center, 0, 0);
        _frontierCount = 0;
        Push(ref _frontier, ref _frontierCount, center);

        for (int hop = 1; hop <= radius && _kept.Count < maxNodes && _frontierCount > 0; hop++)
        {
            CollectLevel(adjacency, hop);
            int room = maxNodes - _kept.Count;
            if (_levelCount > room)
            {
                foreach (int node in SelectBest(_level.AsSpan(0, _levelCount), room, new KeepOrder(adjacency, _connection)))
                    _kept.Add(node);
                break;
            }
            foreach (int node in _level.AsSpan(0, _levelCount))
                _kept.Add(node);
            (_frontier, _level) = (_level, _frontier);
            _frontierCount = _levelCount;
        }

        var result = _kept.ToArray();
        Array.Sort(result);
        return result;
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

    /// <summary>Finds the nodes <paramref name="hop"/> hops away (neighbours of the frontier not seen before) and their connection weights.</summary>
    private void CollectLevel(GraphAdjacency adjacency, int hop)
    {
        _levelCount = 0;
        foreach (int from in _frontier.AsSpan(0, _frontierCount))
        {
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
            _currentStamp = 0;
        }
        if (_currentStamp == int.MaxValue)
        {
            Array.Clear(_stamp);
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

    /// <summary>Within one hop level: stronger connection first, then higher degree, then ordinal id (a total order).</summary>
    private readonly struct KeepOrder(GraphAdjacency adjacency, int[] connection) : IComparer<int>
    {
        public int Compare(int a, int b)
        {
            int byConnection = connection[b].CompareTo(connection[a]);
            if (byConnection != 0)
                return byConnection;
            int byDegree = adjacency.Degree(b).CompareTo(adjacency.Degree(a));
            return byDegree != 0 ? byDegree : adjacency.OrdinalRank(a).CompareTo(adjacency.OrdinalRank(b));
        }
    }
}
