using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace BzPeer.Graph.Layout;

/// <summary>
/// A region quadtree over the node positions for Barnes–Hut repulsion: a cell far enough away
/// acts as one body at its centre of mass, so each node's repulsion costs O(log n) instead of O(n).
/// Built by one thread (children and points in a fixed order, so every sum is taken in the same
/// order), then only read, so many threads may query it at once.
/// </summary>
/// <remarks>
/// The tree is walked once per leaf, not once per node: a cell is taken as one body when it is far
/// from every point of the leaf (from the leaf's bounding box), which is stricter than asking it of
/// each point alone, so no node's force is coarser than with a walk of its own. The walk yields a list
/// of bodies and points that every node of the leaf then sums, eight at a time (<see cref="Vector256{T}"/>
/// of float, a lane layout fixed by the algorithm, so the same on every machine). Single precision is
/// ample for a sum the opening angle already approximates to about a percent; positions themselves and
/// the simulation stay in double.
/// </remarks>
internal sealed class BarnesHutTree
{
    private const int LeafSize = 64;
    private const int Lanes = 8;

    // Cells, one entry per array (the walk reads few fields of many cells). FirstChild is -1 for a
    // leaf; otherwise four consecutive cells. A cell's points are Start..Start+Count in tree order.
    private float[] _comX = [], _comY = [], _cellMass = [], _side2 = [];
    private int[] _firstChild = [], _start = [], _count = [];
    private int _cellCount;
    private int[] _leaves = [];
    private int _leafCount;

    private readonly MortonOrder _morton = new();
    private int[] _points = [];  // node indexes in tree order
    // Positions and masses copied in tree order, so a leaf's points are adjacent in memory.
    private float[] _px = [], _py = [], _pm = [];

    [ThreadStatic]
    private static InteractionList? t_list;

    /// <summary>Leaves of the tree; <see cref="Repulsion"/> takes a range of them.</summary>
    public int LeafCount => _leafCount;

    /// <summary>Rebuilds the tree for the given positions; reuses its arrays.</summary>
    public void Build(double[] position, double[] mass)
    {
        int n = mass.Length;
        if (_points.Length != n)
        {
            _points = new int[n];
            _px = new float[n];
            _py = new float[n];
            _pm = new float[n];
        }
        _cellCount = 0;
        _leafCount = 0;
        if (n == 0)
            return;

        double minX = position[0], maxX = minX, minY = position[1], maxY = minY;
        for (int i = 1; i < n; i++)
        {
            double x = position[2 * i], y = position[2 * i + 1];
            minX = Math.Min(minX, x); maxX = Math.Max(maxX, x);
            minY = Math.Min(minY, y); maxY = Math.Max(maxY, y);
        }
        double side = Math.Max(maxX - minX, maxY - minY);
        if (side <= 0)
            side = 1;
        _morton.Sort(position, minX, minY, side, _points);
        for (int p = 0; p < n; p++)
        {
            int i = _points[p];
            _px[p] = (float)position[2 * i];
            _py[p] = (float)position[2 * i + 1];
            _pm[p] = (float)mass[i];
        }
        BuildCell(NewCells(1), 0, n, side, 0, position, mass);
    }

    /// <summary>
    /// Writes the repulsion felt by every node of leaves <paramref name="firstLeaf"/> up to
    /// <paramref name="endLeaf"/> into <paramref name="force"/> (as (x, y) pairs by node index):
    /// <c>k · m_node · m_other / d</c> away from every other node, with far cells approximated
    /// (opening criterion: cell side / distance &lt; theta).
    /// </summary>
    public void Repulsion(int firstLeaf, int endLeaf, double strength, double theta, double[] force)
    {
        var list = t_list ??= new InteractionList();
        float theta2 = (float)(theta * theta);
        float k = (float)strength;
        for (int leaf = firstLeaf; leaf < endLeaf; leaf++)
        {
            int cell = _leaves[leaf];
            CollectInteractions(cell, theta2, list);
            SumInteractions(_start[cell], _start[cell] + _count[cell], k, list, force);
        }
    }

    /// <summary>Every body (far cell) and point that the nodes of <paramref name="leaf"/> feel, in walk order.</summary>
    private void CollectInteractions(int leaf, float theta2, InteractionList list)
    {
        // The leaf's box includes its own centre of mass, so the leaf never counts itself as far away.
        float minX = _comX[leaf], maxX = minX, minY = _comY[leaf], maxY = minY;
        for (int p = _start[leaf], end = p + _count[leaf]; p < end; p++)
        {
            minX = Math.Min(minX, _px[p]); maxX = Math.Max(maxX, _px[p]);
            minY = Math.Min(minY, _py[p]); maxY = Math.Max(maxY, _py[p]);
        }

        list.Clear();
        Span<int> stack = stackalloc int[3 * MortonOrder.Bits + 8];
        int top = 0;
        stack[top++] = 0;
        while (top > 0)
        {
            int cell = stack[--top];
            float cx = _comX[cell], cy = _comY[cell];
            // Distance from the centre of mass to the nearest point of the leaf's box.
            float dx = Math.Max(Math.Max(minX - cx, cx - maxX), 0);
            float dy = Math.Max(Math.Max(minY - cy, cy - maxY), 0);
            if (_side2[cell] < theta2 * (dx * dx + dy * dy))
            {
                list.Add(cx, cy, _cellMass[cell]);
                continue;
            }
            int first = _firstChild[cell];
            if (first < 0)
            {
                list.Add(_px, _py, _pm, _start[cell], _count[cell]);
                continue;
            }
            // Pushed in reverse so children are visited in a fixed order (0, 1, 2, 3).
            for (int c = 3; c >= 0; c--)
                if (_count[first + c] > 0)
                    stack[top++] = first + c;
        }
        list.PadToLanes(Lanes);
    }

    private void SumInteractions(int start, int end, float k, InteractionList list, double[] force)
    {
        ref float xs = ref MemoryMarshal.GetArrayDataReference(list.X);
        ref float ys = ref MemoryMarshal.GetArrayDataReference(list.Y);
        ref float ms = ref MemoryMarshal.GetArrayDataReference(list.Mass);
        int count = list.Count;
        for (int p = start; p < end; p++)
        {
            var px = Vector256.Create(_px[p]);
            var py = Vector256.Create(_py[p]);
            var km = Vector256.Create(k * _pm[p]);
            var sumX = Vector256<float>.Zero;
            var sumY = Vector256<float>.Zero;
            for (int j = 0; j < count; j += Lanes)
            {
                nuint at = (nuint)j;
                var dx = px - Vector256.LoadUnsafe(ref xs, at);
                var dy = py - Vector256.LoadUnsafe(ref ys, at);
                var d2 = dx * dx + dy * dy;
                // The node itself and points on top of it are at distance 0 and exert no force.
                var f = Vector256.ConditionalSelect(Vector256.GreaterThan(d2, Vector256<float>.Zero),
                    km * Vector256.LoadUnsafe(ref ms, at) / d2, Vector256<float>.Zero);
                sumX += dx * f;
                sumY += dy * f;
            }
            int node = _points[p];
            force[2 * node] = HorizontalSum(sumX);
            force[2 * node + 1] = HorizontalSum(sumY);
        }
    }

    /// <summary>The lanes added pairwise in a fixed order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float HorizontalSum(Vector256<float> v) =>
        ((v[0] + v[1]) + (v[2] + v[3])) + ((v[4] + v[5]) + (v[6] + v[7]));

    private int NewCells(int count)
    {
        int first = _cellCount;
        if (first + count > _comX.Length)
        {
            int size = Math.Max(64, 2 * _comX.Length);
            Array.Resize(ref _comX, size);
            Array.Resize(ref _comY, size);
            Array.Resize(ref _cellMass, size);
            Array.Resize(ref _side2, size);
            Array.Resize(ref _firstChild, size);
            Array.Resize(ref _start, size);
            Array.Resize(ref _count, size);
        }
        _cellCount += count;
        return first;
    }

    /// <summary>
    /// Fills <paramref name="cell"/>, whose points are <paramref name="start"/>.. in tree order, and its
    /// subtree; returns its mass and mass-weighted position sums.
    /// </summary>
    private (double Mass, double WeightedX, double WeightedY) BuildCell(int cell, int start, int count, double side, int depth,
        double[] position, double[] mass)
    {
        _start[cell] = start;
        _count[cell] = count;
        _side2[cell] = (float)(side * side);
        if (count == 0)
        {
            _firstChild[cell] = -1;
            return SetBody(cell, 0, 0, 0);
        }
        if (count <= LeafSize || depth == MortonOrder.Bits)
        {
            _firstChild[cell] = -1;
            if (_leafCount == _leaves.Length)
                Array.Resize(ref _leaves, Math.Max(64, 2 * _leaves.Length));
            _leaves[_leafCount++] = cell;
            double m = 0, mx = 0, my = 0;
            for (int p = start; p < start + count; p++)
            {
                int i = _points[p];
                m += mass[i];
                mx += mass[i] * position[2 * i];
                my += mass[i] * position[2 * i + 1];
            }
            return SetBody(cell, m, mx, my);
        }

        // The cell's codes share their first bits, so its quadrants are consecutive runs of them.
        var codes = _morton.Codes;
        int first = NewCells(4);
        _firstChild[cell] = first;
        double total = 0, sumX = 0, sumY = 0;
        int childStart = start, end = start + count;
        for (int q = 0; q < 4; q++)
        {
            int childEnd = q == 3 ? end : FirstOfQuadrant(codes, childStart, end, depth, q + 1);
            var (m, mx, my) = BuildCell(first + q, childStart, childEnd - childStart, side / 2, depth + 1, position, mass);
            total += m;
            sumX += mx;
            sumY += my;
            childStart = childEnd;
        }
        return SetBody(cell, total, sumX, sumY);
    }

    /// <summary>The first index in <paramref name="from"/>..<paramref name="to"/> whose quadrant at <paramref name="depth"/> is at least <paramref name="quadrant"/>.</summary>
    private static int FirstOfQuadrant(ReadOnlySpan<uint> codes, int from, int to, int depth, int quadrant)
    {
        while (from < to)
        {
            int middle = from + (to - from) / 2;
            if (MortonOrder.Quadrant(codes[middle], depth) < quadrant)
                from = middle + 1;
            else
                to = middle;
        }
        return from;
    }

    private (double, double, double) SetBody(int cell, double mass, double weightedX, double weightedY)
    {
        _cellMass[cell] = (float)mass;
        _comX[cell] = mass > 0 ? (float)(weightedX / mass) : 0;
        _comY[cell] = mass > 0 ? (float)(weightedY / mass) : 0;
        return (mass, weightedX, weightedY);
    }

    /// <summary>
    /// Bodies and points one leaf interacts with, as parallel arrays padded to whole vectors with
    /// massless entries (which add nothing). One per thread, reused for every leaf.
    /// </summary>
    private sealed class InteractionList
    {
        public float[] X = new float[1024], Y = new float[1024], Mass = new float[1024];
        public int Count;

        public void Clear() => Count = 0;

        public void Add(float x, float y, float mass)
        {
            Reserve(1);
            X[Count] = x;
            Y[Count] = y;
            Mass[Count++] = mass;
        }

        public void Add(float[] x, float[] y, float[] mass, int start, int count)
        {
            Reserve(count);
            Array.Copy(x, start, X, Count, count);
            Array.Copy(y, start, Y, Count, count);
            Array.Copy(mass, start, Mass, Count, count);
            Count += count;
        }

        public void PadToLanes(int lanes)
        {
            int padded = (Count + lanes - 1) / lanes * lanes;
            Reserve(padded - Count);
            for (; Count < padded; Count++)
            {
                X[Count] = 0;
                Y[Count] = 0;
                Mass[Count] = 0;
            }
        }

        private void Reserve(int more)
        {
            if (Count + more <= X.Length)
                return;
            int size = Math.Max(2 * X.Length, Count + more);
            Array.Resize(ref X, size);
            Array.Resize(ref Y, size);
            Array.Resize(ref Mass, size);
        }
    }
}
