using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace BzPeer.Graph.Layout;

/// <summary>
/// ForceAtlas2 (Jacomy et al., 2014) with Barnes–Hut repulsion: nodes repel in proportion to
/// (degree + 1) of both ends over their distance, edges pull linearly with their weight, a
/// constant gravity holds components and isolated nodes near the origin, and an adaptive step
/// ("swing" versus "traction") speeds up nodes that move steadily and slows those that oscillate.
/// </summary>
/// <remarks>
/// Determinism: every node's force is computed from the previous positions and a tree built by
/// one thread (its repulsion with the other nodes of its tree leaf, whichever thread takes the
/// leaf), and every global sum is taken sequentially in node order, so the result is bit-identical
/// however the work is scheduled. Only exactly rounded operations (+ − × ÷ √, in double or in
/// float, in fixed vector lanes) are used by default, so it is also the same on every platform.
/// </remarks>
internal sealed class ForceSimulation
{
    private const int SequentialBelow = 2048;        // nodes; below this, threads cost more than they save
    private const int RangeSize = 512;               // nodes per parallel work item
    private const int LeavesPerRange = 32;           // tree leaves per parallel work item
    private const int ExactBelow = 500;              // nodes; below this, all pairs (halved by symmetry) beat the tree
    // k_s in the paper (0.1 there). Forces here are large, so a node's step is about
    // k_s / √swing; 3 reached the settled drawing in a third of the steps on co-authorship graphs.
    private const double NodeSpeedFactor = 3;
    // k_smax in the paper, relative to the expected radius: no node moves further in one step. It cools
    // linearly from the first to the last step, so that nodes cross the drawing early and settle late.
    private const double FirstMaxStepOfRadius = 0.5;
    private const double LastMaxStepOfRadius = 0.005;
    private const double MaxSpeedRise = 0.5;         // global speed grows by at most 50% per step

    private readonly LayoutGraph _graph;
    private readonly LayoutOptions _options;
    private readonly double[] _callerX, _callerY;
    private readonly BarnesHutTree _tree = new();
    private readonly ExactRepulsion? _exact;         // small graph: exact pairwise repulsion, no tree
    private readonly double _radius;
    private double _maxDisplacement;
    private double _speed = 1;

    // Vectors are stored as (x, y) pairs, node i's at [2i] and [2i + 1]: one load fetches both.
    private readonly double[] _position, _oldForce, _mass;
    private readonly int[] _firstEdge;       // node i's edges are _neighbour[_firstEdge[i].._firstEdge[i + 1]]
    private readonly int[] _neighbour;
    private readonly double[] _edgeStrength; // attraction per edge
    // Scratch of one step.
    private readonly double[] _force, _repulsion, _swing, _traction;

    /// <summary>Simulation of <paramref name="graph"/> from the positions <paramref name="x"/>, <paramref name="y"/>, which <see cref="Run"/> updates.</summary>
    public ForceSimulation(LayoutGraph graph, LayoutOptions options, double[] x, double[] y)
    {
        _radius = ExpectedRadius(graph, options);
        _graph = graph;
        _options = options;
        _callerX = x;
        _callerY = y;
        int n = graph.NodeCount;
        var adjacency = graph.Adjacency;
        _position = new double[2 * n];
        for (int i = 0; i < n; i++)
        {
            _position[2 * i] = x[i];
            _position[2 * i + 1] = y[i];
        }
        _mass = new double[n];
        for (int i = 0; i < n; i++)
            _mass[i] = adjacency.Degree(i) + 1;
        if (n < ExactBelow)
            _exact = new ExactRepulsion(_mass, options.Repulsion);
        _oldForce = new double[2 * n];
        _force = new double[2 * n];
        _repulsion = new double[2 * n];
        _swing = new double[n];
        _traction = new double[n];
        _firstEdge = new int[n + 1];
        _neighbour = new int[2 * graph.EdgeCount];
        _edgeStrength = new double[2 * graph.EdgeCount];
        int edge = 0;
        for (int i = 0; i < n; i++)
        {
            _firstEdge[i] = edge;
            var weights = adjacency.Weights(i);
            adjacency.Neighbours(i).CopyTo(_neighbour.AsSpan(edge));
            for (int k = 0; k < weights.Length; k++)
                _edgeStrength[edge++] = EdgeStrength(weights[k], options.EdgeWeightInfluence);
        }
        _firstEdge[n] = edge;
    }

    public void Run(int iterations)
    {
        for (int step = 0; step < iterations; step++)
        {
            double progress = iterations > 1 ? step / (double)(iterations - 1) : 0;
            _maxDisplacement = _radius * (FirstMaxStepOfRadius + (LastMaxStepOfRadius - FirstMaxStepOfRadius) * progress);
            Step();
        }
        for (int i = 0; i < _mass.Length; i++)
        {
            _callerX[i] = _position[2 * i];
            _callerY[i] = _position[2 * i + 1];
        }
    }

    private void Step()
    {
        int n = _graph.NodeCount;
        if (n < 2)
            return;
        if (_exact is not null)
        {
            _exact.Compute(_position, _repulsion);
        }
        else
        {
            _tree.Build(_position, _mass);
            ForEachRange(_tree.LeafCount, LeavesPerRange, (from, to) =>
                _tree.Repulsion(from, to, _options.Repulsion, _options.Theta, _repulsion));
        }
        ForEachRange(n, RangeSize, ComputeForces);

        double totalSwing = 0, totalTraction = 0;
        for (int i = 0; i < n; i++)
        {
            totalSwing += _swing[i];
            totalTraction += _traction[i];
        }
        UpdateGlobalSpeed(totalSwing, totalTraction);
        ForEachRange(n, RangeSize, Move);
    }

    private void ComputeForces(int from, int to)
    {
        var gravity = Vector128.Create(_options.Gravity);
        ref double position = ref MemoryMarshal.GetArrayDataReference(_position);
        ref int neighbours = ref MemoryMarshal.GetArrayDataReference(_neighbour);
        ref double strengths = ref MemoryMarshal.GetArrayDataReference(_edgeStrength);
        for (int i = from; i < to; i++)
        {
            var p = Vector128.LoadUnsafe(ref position, (nuint)(2 * i));
            var mass = Vector128.Create(_mass[i]);
            // "Strong" gravity (ForceAtlas2's option): mass × distance towards the origin. Unlike
            // constant gravity it bounds isolated nodes and small components near the rim of the
            // main component instead of letting them drift hundreds of radii away.
            var f = Load(_repulsion, i) - p * gravity * mass;

            // Linear attraction along each edge: strength × distance, towards the neighbour. The
            // edge arrays are built here and hold node indexes only, so the unchecked reads stay inside.
            for (int e = _firstEdge[i], end = _firstEdge[i + 1]; e < end; e++)
            {
                var q = Vector128.LoadUnsafe(ref position, (nuint)(2 * Unsafe.Add(ref neighbours, e)));
                f += (q - p) * Vector128.Create(Unsafe.Add(ref strengths, e));
            }

            var old = Load(_oldForce, i);
            _swing[i] = _mass[i] * Length(f - old);
            _traction[i] = _mass[i] * Length(f + old) / 2;
            Store(_force, i, f);
        }
    }

    private static Vector128<double> Load(double[] vectors, int i) => Vector128.Create(vectors.AsSpan(2 * i, 2));

    private static void Store(double[] vectors, int i, Vector128<double> value) => value.CopyTo(vectors.AsSpan(2 * i, 2));

    private static double Length(Vector128<double> v) => Math.Sqrt(v[0] * v[0] + v[1] * v[1]);

    /// <summary>
    /// Global speed = tolerance × traction / swing: high when nodes keep moving the same way,
    /// low when they oscillate. It may fall at once but rises by at most half per step.
    /// </summary>
    private void UpdateGlobalSpeed(double totalSwing, double totalTraction)
    {
        if (totalSwing <= 0)
            return;
        double target = JitterTolerance(_graph.NodeCount) * totalTraction / totalSwing;
        _speed = Math.Min(target, _speed * (1 + MaxSpeedRise));
    }

    /// <summary>Larger graphs tolerate more oscillation per node (ForceAtlas2 recommends raising it with size).</summary>
    private static double JitterTolerance(int nodeCount) => Math.Clamp(Math.Sqrt(nodeCount) / 20, 1, 10);

    private void Move(int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            var f = Load(_force, i);
            double force = Length(f);
            double nodeSpeed = NodeSpeedFactor * _speed / (1 + _speed * Math.Sqrt(_swing[i]));
            if (force > 0 && nodeSpeed * force > _maxDisplacement)
                nodeSpeed = _maxDisplacement / force;
            Store(_position, i, Load(_position, i) + f * Vector128.Create(nodeSpeed));
            Store(_oldForce, i, f);
        }
    }

    /// <summary>Runs <paramref name="body"/> over 0..<paramref name="count"/> in ranges, on several threads when the graph is large.</summary>
    private void ForEachRange(int count, int rangeSize, Action<int, int> body)
    {
        if (_graph.NodeCount < SequentialBelow || _options.MaxDegreeOfParallelism == 1)
        {
            body(0, count);
            return;
        }
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxDegreeOfParallelism };
        Parallel.ForEach(Partitioner.Create(0, count, rangeSize), parallel, range => body(range.Item1, range.Item2));
    }

    /// <summary>
    /// Radius at which a node on the rim of a uniform disc holding the whole graph's mass M is in
    /// balance between repulsion (k_r · m · M / R) and strong gravity (k_g · m · R): R = √(k_r · M / k_g).
    /// Used as the starting radius and as the unit for step limits, so graphs of any size converge alike.
    /// </summary>
    public static double ExpectedRadius(LayoutGraph graph, LayoutOptions options)
    {
        double totalMass = graph.NodeCount + 2.0 * graph.EdgeCount;
        double radius = options.Gravity > 0
            ? Math.Sqrt(options.Repulsion * totalMass / options.Gravity)
            : 10 * Math.Sqrt(graph.NodeCount);
        return Math.Max(1, radius);
    }

    private static double EdgeStrength(int weight, double influence) => influence switch
    {
        0 => 1,
        1 => weight,
        _ => Math.Pow(weight, influence),
    };
}
