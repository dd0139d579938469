namespace BzPeer.Graph.Layout;

/// <summary>
/// Chooses how many simulation steps to run. The time budget is turned into steps by a fixed
/// cost model of the graph's size, never by measuring, so the layout stays deterministic.
/// </summary>
internal static class IterationBudget
{
    /// <summary>Fewest steps a budget may cut down to; below this the drawing is still a tangle.</summary>
    public const int MinimumIterations = 30;

    // Cost model fitted on a 2-core x64 machine (see bench/BzPeer.Bench.Layout): one step costs
    // about this much per node and log2(node count), plus this much per directed edge. Measured on one
    // thread (site-layout, 120 steps less 20): about 5 ms for the medium bench corpus (18,252 nodes,
    // 188,056 edges) and 46 ms for the large one (89,429 nodes, 981,472 edges); the constants err high
    // on the small graph so as to fit the large one, where a budget binds.
    private const double NanosecondsPerNodeLog = 25;
    private const double NanosecondsPerEdge = 3;

    /// <summary>
    /// Steps run when the options do not say. Measured on synthetic co-authorship graphs (mean edge
    /// length over mean distance of random pairs, which stops improving once the drawing settles):
    /// 100 steps come within 0.5% of 150 and 1.5% of 500 (18,000 nodes: 0.502 at 100, 0.500 at 150,
    /// 0.495 at 500 for 0.7, 1.1 and 3.3 s of CPU on two threads; `BzPeer.Bench.Layout sweep 18000`).
    /// </summary>
    public static int DefaultIterations(int nodeCount) => 100;

    public static int Choose(LayoutOptions options, int nodeCount, int edgeCount)
    {
        int iterations = options.Iterations ?? DefaultIterations(nodeCount);
        if (options.TimeBudget is { } budget)
        {
            double affordable = budget.TotalNanoseconds / EstimatedNanosecondsPerStep(nodeCount, edgeCount);
            iterations = (int)Math.Min(iterations, Math.Max(MinimumIterations, Math.Floor(affordable)));
        }
        return iterations;
    }

    /// <summary>Estimated cost of one step on the reference machine.</summary>
    public static double EstimatedNanosecondsPerStep(int nodeCount, int edgeCount) =>
        NanosecondsPerNodeLog * nodeCount * Math.Log2(nodeCount + 2) + NanosecondsPerEdge * 2.0 * edgeCount + 1;
}
