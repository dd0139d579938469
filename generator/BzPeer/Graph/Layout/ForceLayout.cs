namespace BzPeer.Graph.Layout;

/// <summary>
/// Build-time force-directed layout of a graph given as string node ids and weighted edges.
/// Deterministic: the same ids and edges (in any order) give the same position per id, on any
/// machine and with any number of threads; each node starts at a point hashed from its own id.
/// </summary>
internal static class ForceLayout
{
    /// <summary>
    /// Lays out the graph. <paramref name="edges"/> refer to indexes in <paramref name="nodeIds"/>;
    /// self loops are ignored and duplicate edges merged (weights added). The result is in the
    /// order of <paramref name="nodeIds"/>.
    /// </summary>
    /// <exception cref="ArgumentException">An id is null or repeated, an edge refers to a missing node or has a weight below 1.</exception>
    public static LayoutResult Run(IReadOnlyList<string> nodeIds, IReadOnlyList<LayoutEdge> edges, LayoutOptions? options = null)
    {
        options ??= new LayoutOptions();
        options.Validate();
        var graph = LayoutGraph.Build(nodeIds, edges);
        int n = graph.NodeCount;

        var x = new double[n];
        var y = new double[n];
        InitialPositions.Place(graph.Ids, options.Seed, ForceSimulation.ExpectedRadius(graph, options), x, y);
        int iterations = IterationBudget.Choose(options, n, graph.EdgeCount);
        new ForceSimulation(graph, options, x, y).Run(iterations);

        for (int i = 0; i < n; i++)
        {
            x[i] *= options.Scale;
            y[i] *= options.Scale;
        }
        var (tenthsX, tenthsY) = PointSeparation.ToSeparatedTenths(x, y);

        var resultX = new float[n];
        var resultY = new float[n];
        var degree = new int[n];
        for (int i = 0; i < n; i++)
        {
            int c = graph.CanonicalOf[i];
            // Dividing the integer tenths gives the float nearest the one-decimal value, which
            // prints back as that value ("12.3").
            resultX[i] = (float)(tenthsX[c] / 10.0);
            resultY[i] = (float)(tenthsY[c] / 10.0);
            degree[i] = graph.Adjacency.Degree(c);
        }
        return new LayoutResult(resultX, resultY, degree, iterations);
    }
}
