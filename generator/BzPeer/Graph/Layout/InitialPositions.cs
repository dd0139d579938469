using System.IO.Hashing;
using System.Text;

namespace BzPeer.Graph.Layout;

/// <summary>
/// Places each node at a point derived only from its id (XxHash64 of the UTF-8 bytes), so a
/// node starts at the same place whatever else is in the graph. Points fill a disc whose area
/// is the radius the layout is expected to settle at, so the simulation starts near its final scale.
/// </summary>
internal static class InitialPositions
{
    public static void Place(string[] ids, long seed, double radius, double[] x, double[] y)
    {
        byte[] buffer = [];
        for (int i = 0; i < ids.Length; i++)
        {
            int length = Encoding.UTF8.GetMaxByteCount(ids[i].Length);
            if (buffer.Length < length)
                buffer = new byte[Math.Max(length, 2 * buffer.Length)];
            int written = Encoding.UTF8.GetBytes(ids[i], buffer);
            ulong hash = XxHash64.HashToUInt64(buffer.AsSpan(0, written), seed);
            // Two independent 32-bit halves give a uniform point in the unit square; the square
            // root of one makes the radius uniform by area. Only exactly rounded operations are
            // used (no sin/cos) so every platform computes the same bits.
            double u = (uint)hash / 4294967296.0;
            double v = (hash >> 32) / 4294967296.0;
            double r = radius * Math.Sqrt(u);
            (double cx, double cy) = UnitDirection(v);
            x[i] = r * cx;
            y[i] = r * cy;
        }
    }

    /// <summary>
    /// A direction for <paramref name="t"/> in [0, 1): a point on the perimeter of the unit
    /// square, normalised. Not uniform in angle, but exact and portable, which matters more here.
    /// </summary>
    private static (double X, double Y) UnitDirection(double t)
    {
        double s = 8 * t; // walk 8 half-sides of the square [-1, 1]²
        double px, py;
        if (s < 2) { px = 1; py = s - 1; }
        else if (s < 4) { px = 3 - s; py = 1; }
        else if (s < 6) { px = -1; py = 5 - s; }
        else { px = s - 7; py = -1; }
        double length = Math.Sqrt(px * px + py * py);
        return (px / length, py / length);
    }
}
