using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace BzPeer.Graph.Layout;

/// <summary>
/// Repulsion between every pair of nodes, each pair computed once (one thread, fixed order): for small
/// graphs such as slices this is cheaper than building a tree every step.
/// </summary>
/// <remarks>
/// Eight pairs at a time in single precision (<see cref="Vector256{T}"/> of float): twice the lanes of
/// double for half the cost. Float is ample here: the positions only steer the simulation (they stay in
/// double), a slice spans tens of units and its output is rounded to a tenth, and a node's force is a sum
/// of at most a few hundred terms, whose rounding stays near a millionth of it. Float operations are exactly
/// rounded IEEE operations like double's, and the lane layout is fixed by the algorithm, not by the hardware
/// (where 256-bit vectors are not accelerated .NET computes the same lanes one by one), so the result is
/// the same everywhere.
/// </remarks>
internal sealed class ExactRepulsion
{
    private const int Lanes = 8;

    private int _count;
    // Padded by a vector's length: the lanes past the last node hold mass 0 and so add nothing, which
    // spares every row its scalar tail. Longer than that when kept from a larger graph (SimulationArrays).
    private float[] _x = [], _y = [], _km = [], _mass = [], _sumX = [], _sumY = [];

    /// <summary>Readies the repulsion of <paramref name="count"/> nodes, reusing the arrays of an earlier graph where they are long enough.</summary>
    /// <param name="mass">Each node's mass (the first <paramref name="count"/> entries).</param>
    /// <param name="strength">The repulsion constant k: nodes i and j repel with k · mᵢ · mⱼ / distance.</param>
    public ExactRepulsion Prepare(double[] mass, int count, double strength)
    {
        _count = count;
        int padded = count + Lanes;
        if (_x.Length < padded)
        {
            _x = new float[padded];
            _y = new float[padded];
            _km = new float[padded];
            _mass = new float[padded];
            _sumX = new float[padded];
            _sumY = new float[padded];
        }

        for (int i = 0; i < count; i++)
        {
            _mass[i] = (float)mass[i];
            _km[i] = (float)(strength * mass[i]);
        }

        // The padding as in new arrays: no mass, at the origin (an earlier, larger graph left its nodes there).
        Array.Clear(_x, count, Lanes);
        Array.Clear(_y, count, Lanes);
        Array.Clear(_km, count, Lanes);
        Array.Clear(_mass, count, Lanes);
        return this;
    }

    /// <summary>Writes every node's repulsion into <paramref name="force"/>, from <paramref name="position"/> (both as (x, y) pairs).</summary>
    public void Compute(double[] position, double[] force)
    {
        int n = _count;
        for (int i = 0; i < n; i++)
        {
            _x[i] = (float)position[2 * i];
            _y[i] = (float)position[2 * i + 1];
        }
        Array.Clear(_sumX, 0, n + Lanes);
        Array.Clear(_sumY, 0, n + Lanes);
        ref float xs = ref MemoryMarshal.GetArrayDataReference(_x);
        ref float ys = ref MemoryMarshal.GetArrayDataReference(_y);
        ref float ms = ref MemoryMarshal.GetArrayDataReference(_mass);
        ref float rx = ref MemoryMarshal.GetArrayDataReference(_sumX);
        ref float ry = ref MemoryMarshal.GetArrayDataReference(_sumY);
        for (int i = 0; i < n; i++)
        {
            var px = Vector256.Create(_x[i]);
            var py = Vector256.Create(_y[i]);
            var km = Vector256.Create(_km[i]);
            var sumX = Vector256<float>.Zero;
            var sumY = Vector256<float>.Zero;
            // The arrays hold n + 8 entries, so the last vector (starting before n) stays inside them.
            for (int j = i + 1; j < n; j += Lanes)
            {
                nuint at = (nuint)j;
                var dx = px - Vector256.LoadUnsafe(ref xs, at);
                var dy = py - Vector256.LoadUnsafe(ref ys, at);
                var d2 = dx * dx + dy * dy;
                // Coincident points exert no force (their 0/0 lanes are discarded here).
                var f = Vector256.ConditionalSelect(Vector256.GreaterThan(d2, Vector256<float>.Zero),
                    km * Vector256.LoadUnsafe(ref ms, at) / d2, Vector256<float>.Zero);
                var fx = dx * f;
                var fy = dy * f;
                sumX += fx;
                sumY += fy;
                (Vector256.LoadUnsafe(ref rx, at) - fx).StoreUnsafe(ref rx, at);
                (Vector256.LoadUnsafe(ref ry, at) - fy).StoreUnsafe(ref ry, at);
            }
            _sumX[i] += HorizontalSum(sumX);
            _sumY[i] += HorizontalSum(sumY);
        }
        for (int i = 0; i < n; i++)
        {
            force[2 * i] = _sumX[i];
            force[2 * i + 1] = _sumY[i];
        }
    }

    /// <summary>The lanes added pairwise in a fixed order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float HorizontalSum(Vector256<float> v) =>
        ((v[0] + v[1]) + (v[2] + v[3])) + ((v[4] + v[5]) + (v[6] + v[7]));
}
