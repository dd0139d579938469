namespace BzPeer.Graph.Layout;

/// <summary>
/// Positions per node, in the order of the node list given to <see cref="ForceLayout.Run"/>.
/// Coordinates are rounded to one decimal and no two nodes share a point.
/// </summary>
/// <param name="X">Horizontal positions (arbitrary units, centred near 0).</param>
/// <param name="Y">Vertical positions.</param>
/// <param name="Degree">Distinct neighbours of each node, ignoring self loops and duplicate edges.</param>
/// <param name="Iterations">Simulation steps that were run.</param>
internal sealed record LayoutResult(float[] X, float[] Y, int[] Degree, int Iterations);
