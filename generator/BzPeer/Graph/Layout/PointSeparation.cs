namespace BzPeer.Graph.Layout;

/// <summary>
/// Rounds positions to one decimal and moves any node that lands on an occupied point to the
/// nearest free point of the 0.1 grid, so no two nodes share a point in the output.
/// </summary>
internal static class PointSeparation
{
    /// <summary>
    /// Rounds <paramref name="x"/>, <paramref name="y"/> (already scaled) to tenths and returns
    /// them as integers of tenths. Nodes are placed in index order (the canonical id order), so
    /// which of two colliding nodes moves does not depend on the caller's order.
    /// </summary>
    public static (int[] X, int[] Y) ToSeparatedTenths(double[] x, double[] y)
    {
        int n = x.Length;
        var tx = new int[n];
        var ty = new int[n];
        var occupied = new HashSet<long>(n, Common.PackedPairComparer.Instance);
        for (int i = 0; i < n; i++)
        {
            int gx = ToTenths(x[i]), gy = ToTenths(y[i]);
            (gx, gy) = NearestFree(occupied, gx, gy);
            occupied.Add(Key(gx, gy));
            tx[i] = gx;
            ty[i] = gy;
        }
        return (tx, ty);
    }

    private static int ToTenths(double value)
    {
        double tenths = Math.Round(value * 10, MidpointRounding.AwayFromZero);
        // Layouts stay far inside this range; the clamp only keeps a pathological input from overflowing.
        return (int)Math.Clamp(tenths, -1_000_000_000, 1_000_000_000);
    }

    /// <summary>The point itself if free, otherwise the first free point on square rings around it.</summary>
    private static (int X, int Y) NearestFree(HashSet<long> occupied, int gx, int gy)
    {
        if (!occupied.Contains(Key(gx, gy)))
            return (gx, gy);
        for (int ring = 1; ; ring++)
        {
            // Walk the ring's cells in a fixed order: right, top, left and bottom sides.
            for (int k = -ring; k <= ring; k++)
            {
                if (!occupied.Contains(Key(gx + ring, gy + k))) return (gx + ring, gy + k);
                if (!occupied.Contains(Key(gx + k, gy + ring))) return (gx + k, gy + ring);
                if (!occupied.Contains(Key(gx - ring, gy + k))) return (gx - ring, gy + k);
                if (!occupied.Contains(Key(gx + k, gy - ring))) return (gx + k, gy - ring);
            }
        }
    }

    private static long Key(int gx, int gy) => ((long)gx << 32) | (uint)gy;
}
