using System.Collections.Concurrent;
using System.Numerics;
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
/// float) are used by default, in vector lanes fixed by the algorithm wherever lanes are added
/// together, so it is also the same on every platform.
/// </remarks>
internal sealed class ForceSimulation
{
    private const int SequentialBelow = 2048;        // nodes; below this, threads cost more than they save
    private const int RangeSize = 512;               // nodes per parallel work item
    private const int LeavesPerRange = 32;           // tree leaves per parallel work item
    private const int ExactBelow = SimulationArrays.ReusedBelow; // nodes; below this, all pairs (halved by symmetry) beat the tree
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
    private readonly BarnesHutTree? _tree;           // large graph: Barnes–Hut repulsion
    private readonly ExactRepulsion? _exact;         // small graph: exact pairwise repulsion, no tree (a slice never makes one: 4 KB each)
    private readonly double _radius;
    // The steps' range bodies, made once: a build runs 60,000 slice layouts of 30 steps, four bodies a step.
    private readonly Action<int, int> _treeRepulsion, _computeForces, _measureOscillation, _move;
    private double _maxDisplacement;
    private double _speed = 1;

    // Positions and repulsions are stored as (x, y) pairs, node i's at [2i] and [2i + 1], so that one
    // load fetches a neighbour's position; the forces one array per axis, so that the per-node arithmetic
    // (square roots and divisions mostly) takes a whole vector of nodes at a time.
    private readonly double[] _position, _repulsion, _mass;
    private double[] _forceX, _forceY, _oldForceX, _oldForceY;
    private readonly double[] _swing, _traction;
    private readonly int[] _firstEdge;       // node i's edges are _neighbour[_firstEdge[i].._firstEdge[i + 1]]
    private readonly int[] _neighbour;
    private readonly double[] _edgeStrength; // attraction per edge

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
        // Node arrays may be longer than n (a thread's set, lent to each small layout): every loop stops at n.
        var arrays = SimulationArrays.For(n, 2 * graph.EdgeCount);
        _position = arrays.Position;
        for (int i = 0; i < n; i++)
        {
            _position[2 * i] = x[i];
            _position[2 * i + 1] = y[i];
        }
        _mass = arrays.Mass;
        for (int i = 0; i < n; i++)
            _mass[i] = adjacency.Degree(i) + 1;
        if (n < ExactBelow)
            _exact = arrays.Exact.Prepare(_mass, n, options.Repulsion);
        else
            _tree = new BarnesHutTree();
        _repulsion = arrays.Repulsion;
        _forceX = arrays.ForceX;
        _forceY = arrays.ForceY;
        _oldForceX = arrays.OldForceX;
        _oldForceY = arrays.OldForceY;
        _swing = arrays.Swing;
        _traction = arrays.Traction;
        _firstEdge = arrays.FirstEdge;
        _neighbour = arrays.Neighbour;
        _edgeStrength = arrays.EdgeStrength;
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
        _treeRepulsion = TreeRepulsion;
        _computeForces = ComputeForces;
        _measureOscillation = MeasureOscillation;
        _move = Move;
    }

    public void Run(int iterations)
    {
        for (int step = 0; step < iterations; step++)
        {
            double progress = iterations > 1 ? step / (double)(iterations - 1) : 0;
            _maxDisplacement = _radius * (FirstMaxStepOfRadius + (LastMaxStepOfRadius - FirstMaxStepOfRadius) * progress);
            Step();
        }
        for (int i = 0; i < _graph.NodeCount; i++)
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
            _tree!.Build(_position, _mass);
            ForEachRange(_tree.LeafCount, LeavesPerRange, _treeRepulsion);
        }
        ForEachRange(n, RangeSize, _computeForces);
        ForEachRange(n, RangeSize, _measureOscillation);

        double totalSwing = 0, totalTraction = 0;
        for (int i = 0; i < n; i++)
        {
            totalSwing += _swing[i];
            totalTraction += _traction[i];
        }
        UpdateGlobalSpeed(totalSwing, totalTraction);
        ForEachRange(n, RangeSize, _move);
        // This step's forces are the next step's old ones; the next step overwrites the other pair whole.
        (_forceX, _oldForceX) = (_oldForceX, _forceX);
        (_forceY, _oldForceY) = (_oldForceY, _forceY);
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

            _forceX[i] = f[0];
            _forceY[i] = f[1];
        }
    }

    /// <summary>
    /// Swing (how much a node's force turned or changed since the last step) and traction (how much
    /// of it held), each weighted by the node's mass.
    /// </summary>
    /// <remarks>
    /// Node by node with no sum across nodes, so a vector of any width computes every node exactly as
    /// the scalar tail does: the hardware's widest (<see cref="Vector{T}"/>) is safe.
    /// </remarks>
    private void MeasureOscillation(int from, int to)
    {
        int i = from;
        var half = new Vector<double>(0.5);
        for (; i + Vector<double>.Count <= to; i += Vector<double>.Count)
        {
            var fx = new Vector<double>(_forceX, i);
            var fy = new Vector<double>(_forceY, i);
            var ox = new Vector<double>(_oldForceX, i);
            var oy = new Vector<double>(_oldForceY, i);
            var m = new Vector<double>(_mass, i);
            var sx = fx - ox;
            var sy = fy - oy;
            var tx = fx + ox;
            var ty = fy + oy;
            (m * Vector.SquareRoot(sx * sx + sy * sy)).CopyTo(_swing, i);
            (m * Vector.SquareRoot(tx * tx + ty * ty) * half).CopyTo(_traction, i);
        }
        for (; i < to; i++)
        {
            double sx = _forceX[i] - _oldForceX[i], sy = _forceY[i] - _oldForceY[i];
            double tx = _forceX[i] + _oldForceX[i], ty = _forceY[i] + _oldForceY[i];
            _swing[i] = _mass[i] * Math.Sqrt(sx * sx + sy * sy);
            _traction[i] = _mass[i] * Math.Sqrt(tx * tx + ty * ty) * 0.5;
        }
    }

    private static Vector128<double> Load(double[] vectors, int i) => Vector128.Create(vectors.AsSpan(2 * i, 2));

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

    /// <summary>Moves each node along its force by its own speed, at most the step cap; node by node, like <see cref="MeasureOscillation"/>.</summary>
    private void Move(int from, int to)
    {
        double speedFactor = NodeSpeedFactor * _speed;
        int i = from;
        var one = Vector<double>.One;
        var speed = new Vector<double>(_speed);
        var vectorSpeedFactor = new Vector<double>(speedFactor);
        var maxDisplacement = new Vector<double>(_maxDisplacement);
        for (; i + Vector<double>.Count <= to; i += Vector<double>.Count)
        {
            var fx = new Vector<double>(_forceX, i);
            var fy = new Vector<double>(_forceY, i);
            var force = Vector.SquareRoot(fx * fx + fy * fy);
            var nodeSpeed = vectorSpeedFactor / (one + speed * Vector.SquareRoot(new Vector<double>(_swing, i)));
            var capped = Vector.GreaterThan(force, Vector<double>.Zero) & Vector.GreaterThan(nodeSpeed * force, maxDisplacement);
            nodeSpeed = Vector.ConditionalSelect(capped, maxDisplacement / force, nodeSpeed);
            var dx = fx * nodeSpeed;
            var dy = fy * nodeSpeed;
            for (int lane = 0; lane < Vector<double>.Count; lane++)
            {
                _position[2 * (i + lane)] += dx[lane];
                _position[2 * (i + lane) + 1] += dy[lane];
            }
        }
        for (; i < to; i++)
        {
            double fx = _forceX[i], fy = _forceY[i];
            double force = Math.Sqrt(fx * fx + fy * fy);
            double nodeSpeed = speedFactor / (1 + _speed * Math.Sqrt(_swing[i]));
            if (force > 0 && nodeSpeed * force > _maxDisplacement)
                nodeSpeed = _maxDisplacement / force;
            _position[2 * i] += fx * nodeSpeed;
            _position[2 * i + 1] += fy * nodeSpeed;
        }
    }

    private void TreeRepulsion(int from, int to) => _tree!.Repulsion(from, to, _options.Repulsion, _options.Theta, _repulsion);

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
