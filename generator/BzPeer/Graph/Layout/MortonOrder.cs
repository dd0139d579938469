namespace BzPeer.Graph.Layout;

/// <summary>
/// Sorts points along a Z-order (Morton) curve over a square: each point's cell in a 2^<see cref="Bits"/>
/// grid gets a code that interleaves the bits of its column and row, so the points of every quadtree
/// cell, at any depth, form one run of the sorted codes, and the two bits of a depth tell the quadrant.
/// Building a quadtree from the codes needs no comparison of coordinates per level (which mispredict as
/// often as not) and no pass over the points per level.
/// </summary>
internal sealed class MortonOrder
{
    /// <summary>Grid bits per axis: cells of 1/65,536 of the square; points closer than that share a leaf.</summary>
    public const int Bits = 16;

    private const int DigitBits = 8;
    private const int Digits = 1 << DigitBits;
    private const int Passes = 2 * Bits / DigitBits;

    private uint[] _codes = [], _codeScratch = [];
    private int[] _pointScratch = [];
    private readonly int[] _histogram = new int[Passes * Digits];

    /// <summary>Codes of the points, in sorted order (after <see cref="Sort"/>).</summary>
    public ReadOnlySpan<uint> Codes => _codes;

    /// <summary>
    /// Fills <paramref name="points"/> with 0..n-1 sorted by the code of their positions (as (x, y) pairs) in the square of side
    /// <paramref name="side"/> whose lower left corner is (<paramref name="left"/>, <paramref name="bottom"/>).
    /// Stable, so points of one grid cell stay in index order.
    /// </summary>
    public void Sort(double[] position, double left, double bottom, double side, int[] points)
    {
        int n = points.Length;
        if (_codes.Length != n)
        {
            _codes = new uint[n];
            _codeScratch = new uint[n];
            _pointScratch = new int[n];
        }
        double scale = (1 << Bits) / side;
        const double last = (1 << Bits) - 1;
        var codes = _codes;
        var histogram = _histogram;
        Array.Clear(histogram);
        for (int i = 0; i < n; i++)
        {
            // Math.Min keeps the points on the square's far edges in the last row or column.
            uint column = (uint)Math.Min((position[2 * i] - left) * scale, last);
            uint row = (uint)Math.Min((position[2 * i + 1] - bottom) * scale, last);
            uint code = Spread(column) | (Spread(row) << 1);
            codes[i] = code;
            for (int pass = 0; pass < Passes; pass++)
                histogram[pass * Digits + (int)((code >> (pass * DigitBits)) & (Digits - 1))]++;
        }

        // Least significant digit first; each pass is stable, so the whole sort is. The passes
        // alternate between the arrays.
        var from = codes;
        var to = _codeScratch;
        var fromPoints = points;
        var toPoints = _pointScratch;
        for (int i = 0; i < n; i++)
            fromPoints[i] = i;
        for (int pass = 0; pass < Passes; pass++)
        {
            var offsets = histogram.AsSpan(pass * Digits, Digits);
            int total = 0;
            for (int d = 0; d < Digits; d++)
            {
                int count = offsets[d];
                offsets[d] = total;
                total += count;
            }
            int shift = pass * DigitBits;
            for (int i = 0; i < n; i++)
            {
                uint code = from[i];
                int at = offsets[(int)((code >> shift) & (Digits - 1))]++;
                to[at] = code;
                toPoints[at] = fromPoints[i];
            }
            (from, to) = (to, from);
            (fromPoints, toPoints) = (toPoints, fromPoints);
        }
        (_codes, _codeScratch) = (from, to);
        if (fromPoints != points)
            Array.Copy(fromPoints, points, n);
    }

    /// <summary>The quadrant (0 low x and y, 1 high x, 2 high y, 3 both) of a code at a depth (0 = the whole square).</summary>
    public static int Quadrant(uint code, int depth) => (int)(code >> (2 * (Bits - 1 - depth))) & 3;

    /// <summary>Spreads the low <see cref="Bits"/> bits of <paramref name="value"/> to the even bit positions.</summary>
    private static uint Spread(uint value)
    {
        uint v = value;
        v = (v | (v << 8)) & 0x00FF_00FFU;
        v = (v | (v << 4)) & 0x0F0F_0F0FU;
        v = (v | (v << 2)) & 0x3333_3333U;
        v = (v | (v << 1)) & 0x5555_5555U;
        return v;
    }
}
