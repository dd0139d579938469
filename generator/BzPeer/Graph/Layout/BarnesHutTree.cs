namespace BzPeer.Graph.Layout;

/// <summary>
/// A region quadtree over the node positions for Barnes–Hut repulsion: a cell far enough away
/// acts as one body at its centre of mass, so each node's repulsion costs O(log n) instead of O(n).
/// Built by one thread (children and points in a fixed order, so every sum is taken in the same
/// order), then only read, so many threads may query it at once.
/// </summary>
internal sealed class BarnesHutTree
{
    private const int LeafSize = 8;
    private const int MaxDepth = 48; // beyond this, points are (nearly) coincident: keep them in one leaf

    private struct Cell
    {
        public double ComX, ComY, Mass, Side;
        public int FirstChild; // -1 for a leaf; otherwise four consecutive cells
        public int Start, Count; // the cell's points in tree order
    }

    private Cell[] _cells = [];
    private int _cellCount;
    private int[] _points = [], _scratch = [];
    // Positions and masses copied in tree order, so a leaf's points are adjacent in memory.
    private double[] _px = [], _py = [], _pm = [];

    /// <summary>Node indexes in tree order: nearby nodes are adjacent, which makes a good processing order.</summary>
    public ReadOnlySpan<int> PointsInTreeOrder => _points;

    /// <summary>Rebuilds the tree for the given positions; reuses its arrays.</summary>
    public void Build(double[] x, double[] y, double[] mass)
    {
        int n = x.Length;
        if (_points.Length != n)
        {
            _points = new int[n];
            _scratch = new int[n];
            _px = new double[n];
            _py = new double[n];
            _pm = new double[n];
        }
        for (int i = 0; i < n; i++)
            _points[i] = i;
        _cellCount = 0;
        if (n == 0)
            return;

        double minX = x[0], maxX = x[0], minY = y[0], maxY = y[0];
        for (int i = 1; i < n; i++)
        {
            minX = Math.Min(minX, x[i]); maxX = Math.Max(maxX, x[i]);
            minY = Math.Min(minY, y[i]); maxY = Math.Max(maxY, y[i]);
        }
        double side = Math.Max(maxX - minX, maxY - minY);
        if (side <= 0)
            side = 1;
        int root = NewCell();
        Subdivide(root, 0, n, minX, minY, side, 0, x, y, mass);
    }

    /// <summary>
    /// The repulsion felt by node <paramref name="node"/> at (<paramref name="px"/>, <paramref name="py"/>):
    /// <c>k · m_node · m_other / d</c> away from every other node, with far cells approximated
    /// (opening criterion: cell side / distance &lt; theta).
    /// </summary>
    public (double X, double Y) Repulsion(int node, double px, double py, double km, double theta)
    {
        double theta2 = theta * theta;
        double sumX = 0, sumY = 0;
        var cells = _cells;
        var pxs = _px;
        var pys = _py;
        var pms = _pm;
        Span<int> stack = stackalloc int[3 * MaxDepth + 8];
        int top = 0;
        if (_cellCount > 0)
            stack[top++] = 0;
        while (top > 0)
        {
            ref readonly Cell cell = ref cells[stack[--top]];
            double cx = px - cell.ComX, cy = py - cell.ComY;
            double dist2 = cx * cx + cy * cy;
            if (cell.Side * cell.Side < theta2 * dist2)
            {
                // Far enough: the whole cell (leaf or not) acts as one body.
                double f = km * cell.Mass / dist2;
                sumX += cx * f;
                sumY += cy * f;
                continue;
            }
            if (cell.FirstChild < 0)
            {
                int end = cell.Start + cell.Count;
                for (int p = cell.Start; p < end; p++)
                {
                    double dx = px - pxs[p], dy = py - pys[p];
                    double d2 = dx * dx + dy * dy;
                    if (d2 > 0 && _points[p] != node)
                    {
                        double f = km * pms[p] / d2;
                        sumX += dx * f;
                        sumY += dy * f;
                    }
                }
                continue;
            }
            // Pushed in reverse so children are visited in a fixed order (0, 1, 2, 3).
            int first = cell.FirstChild;
            for (int c = 3; c >= 0; c--)
                if (cells[first + c].Count > 0)
                    stack[top++] = first + c;
        }
        return (sumX, sumY);
    }

    private int NewCell()
    {
        if (_cellCount == _cells.Length)
            Array.Resize(ref _cells, Math.Max(64, 2 * _cells.Length));
        return _cellCount++;
    }

    private void Subdivide(int cell, int start, int count, double left, double bottom, double side, int depth,
        double[] x, double[] y, double[] mass)
    {
        _cells[cell].Start = start;
        _cells[cell].Count = count;
        _cells[cell].Side = side;
        if (count <= LeafSize || depth >= MaxDepth)
        {
            _cells[cell].FirstChild = -1;
            double m = 0, mx = 0, my = 0;
            for (int p = start; p < start + count; p++)
            {
                int i = _points[p];
                _px[p] = x[i];
                _py[p] = y[i];
                _pm[p] = mass[i];
                m += mass[i];
                mx += mass[i] * x[i];
                my += mass[i] * y[i];
            }
            SetBody(cell, m, mx, my);
            return;
        }

        // Stable partition into quadrants 0 (low x, low y), 1 (high x), 2 (high y), 3 (both).
        double half = side / 2, midX = left + half, midY = bottom + half;
        Span<int> sizes = stackalloc int[4];
        for (int p = start; p < start + count; p++)
            sizes[Quadrant(_points[p], midX, midY, x, y)]++;
        Span<int> next = stackalloc int[4];
        next[0] = start;
        for (int q = 1; q < 4; q++)
            next[q] = next[q - 1] + sizes[q - 1];
        for (int p = start; p < start + count; p++)
        {
            int i = _points[p];
            _scratch[next[Quadrant(i, midX, midY, x, y)]++] = i;
        }
        Array.Copy(_scratch, start, _points, start, count);

        int first = _cellCount;
        for (int q = 0; q < 4; q++)
            NewCell();
        _cells[cell].FirstChild = first;
        double total = 0, sumX = 0, sumY = 0;
        int childStart = start;
        for (int q = 0; q < 4; q++)
        {
            int child = first + q;
            if (sizes[q] == 0)
            {
                _cells[child] = new Cell { FirstChild = -1, Start = childStart, Count = 0, Side = half };
                continue;
            }
            Subdivide(child, childStart, sizes[q], (q & 1) == 0 ? left : midX, (q & 2) == 0 ? bottom : midY, half, depth + 1, x, y, mass);
            ref readonly Cell built = ref _cells[child];
            total += built.Mass;
            sumX += built.Mass * built.ComX;
            sumY += built.Mass * built.ComY;
            childStart += sizes[q];
        }
        SetBody(cell, total, sumX, sumY);
    }

    private void SetBody(int cell, double mass, double weightedX, double weightedY)
    {
        ref Cell c = ref _cells[cell];
        c.Mass = mass;
        c.ComX = mass > 0 ? weightedX / mass : 0;
        c.ComY = mass > 0 ? weightedY / mass : 0;
    }

    private static int Quadrant(int i, double midX, double midY, double[] x, double[] y) =>
        (x[i] >= midX ? 1 : 0) | (y[i] >= midY ? 2 : 0);
}
