namespace BzPeer.Graph.Layout;

/// <summary>
/// The arrays a <see cref="ForceSimulation"/> works in. A build lays out one slice per entity (60,000 on the large
/// bench corpus), each thread one after another; made anew for each, these arrays were a sixth of all the bytes a
/// build allocated. So a thread keeps one set, at least as long as its largest small graph so far, and lends it to
/// each small simulation in turn. A simulation runs to its end before <see cref="ForceLayout.Run"/> returns and the
/// next one starts, so no two share a set. Large graphs (the full graph) get arrays of their own, not kept.
/// </summary>
internal sealed class SimulationArrays
{
    /// <summary>Graphs below this many nodes use the thread's set (slices: at most a few hundred).</summary>
    public const int ReusedBelow = 500;

    [ThreadStatic]
    private static SimulationArrays? t_reused;

    // Node arrays hold at least n entries (positions and repulsions 2n); edge arrays at least the directed edge count.
    public double[] Position { get; private set; } = [];

    public double[] Repulsion { get; private set; } = [];

    public double[] Mass { get; private set; } = [];

    public double[] ForceX { get; private set; } = [];

    public double[] ForceY { get; private set; } = [];

    public double[] OldForceX { get; private set; } = [];

    public double[] OldForceY { get; private set; } = [];

    public double[] Swing { get; private set; } = [];

    public double[] Traction { get; private set; } = [];

    public int[] FirstEdge { get; private set; } = [];

    public int[] Neighbour { get; private set; } = [];

    public double[] EdgeStrength { get; private set; } = [];

    /// <summary>The exact repulsion of a small graph, kept with the arrays for the same reason.</summary>
    public ExactRepulsion Exact => _exact ??= new ExactRepulsion();

    private ExactRepulsion? _exact;

    /// <summary>
    /// Arrays for <paramref name="nodes"/> nodes and <paramref name="directedEdges"/> edge ends: the thread's set when
    /// the graph is small, else new ones. Only the old forces are read before a simulation writes them (its first step
    /// compares against them): they are zero, as in new arrays.
    /// </summary>
    public static SimulationArrays For(int nodes, int directedEdges)
    {
        var arrays = nodes < ReusedBelow ? t_reused ??= new SimulationArrays() : new SimulationArrays();
        arrays.Fit(nodes, directedEdges);
        Array.Clear(arrays.OldForceX, 0, nodes);
        Array.Clear(arrays.OldForceY, 0, nodes);
        return arrays;
    }

    private void Fit(int n, int m)
    {
        if (Mass.Length < n)
        {
            Position = new double[2 * n];
            Repulsion = new double[2 * n];
            Mass = new double[n];
            ForceX = new double[n];
            ForceY = new double[n];
            OldForceX = new double[n];
            OldForceY = new double[n];
            Swing = new double[n];
            Traction = new double[n];
            FirstEdge = new int[n + 1];
        }

        if (Neighbour.Length < m)
        {
            Neighbour = new int[m];
            EdgeStrength = new double[m];
        }
    }
}
