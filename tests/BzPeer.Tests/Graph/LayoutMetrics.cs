namespace BzPeer.Tests.Graph;

/// <summary>Measures of a drawing used by the tests and the benchmark.</summary>
internal static class LayoutMetrics
{
    public static double MeanEdgeLength(float[] x, float[] y, IEnumerable<(int Source, int Target)> edges)
    {
        double sum = 0;
        int count = 0;
        foreach (var (s, t) in edges)
        {
            if (s == t) continue;
            sum += Distance(x, y, s, t);
            count++;
        }
        return count == 0 ? 0 : sum / count;
    }

    /// <summary>Mean distance between seeded random pairs of distinct nodes.</summary>
    public static double MeanRandomPairDistance(float[] x, float[] y, int pairs = 20_000, int seed = 7)
    {
        var random = new Random(seed);
        double sum = 0;
        int count = 0;
        for (int k = 0; k < pairs; k++)
        {
            int a = random.Next(x.Length), b = random.Next(x.Length);
            if (a == b) continue;
            sum += Distance(x, y, a, b);
            count++;
        }
        return sum / count;
    }

    /// <summary>
    /// Mean distance over all pairs of distinct nodes: exact, so unlike <see cref="MeanRandomPairDistance"/> it does
    /// not depend on the order of the nodes (a fixed sequence of sampled index pairs over-samples some positions,
    /// which biases small graphs by where their hub happens to sit).
    /// </summary>
    public static double MeanPairDistance(float[] x, float[] y)
    {
        double sum = 0;
        long count = 0;
        for (int a = 0; a < x.Length; a++)
            for (int b = a + 1; b < x.Length; b++)
            {
                sum += Distance(x, y, a, b);
                count++;
            }
        return count == 0 ? 0 : sum / count;
    }

    public static double MaxDistanceFromOrigin(float[] x, float[] y)
    {
        double max = 0;
        for (int i = 0; i < x.Length; i++)
            max = Math.Max(max, Math.Sqrt((double)x[i] * x[i] + (double)y[i] * y[i]));
        return max;
    }

    public static double Distance(float[] x, float[] y, int a, int b)
    {
        double dx = x[a] - x[b], dy = y[a] - y[b];
        return Math.Sqrt(dx * dx + dy * dy);
    }
}
