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
    private int _currentStamp;
    private int[] _frontier = new int[64];
    private int[] _level = new int[64];
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
                var level = _level.AsSpan(0, _levelCount);
                level.Sort(new KeepOrder(adjacency, _connection));
                foreach (int node in level[..room])
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

    /// <summary>Within one hop level: stronger connection first, then higher degree, then ordinal id.</summary>
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
