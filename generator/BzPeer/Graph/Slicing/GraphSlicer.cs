using System.Collections.Concurrent;
using BzPeer.Graph.Layout;

namespace BzPeer.Graph.Slicing;

/// <summary>
/// The neighbourhood ("slice") of one node: every node within <c>radius</c> hops, capped at
/// <c>maxNodes</c>. When the cap bites, the slice stays representative (docs/graph-slices.md):
/// the centre is kept; each node kind present (the id prefix: researcher, external, publication,
/// topic, institution) reserves <c>(maxNodes - 1) / kinds</c> places, or fewer if it has fewer
/// nodes at its nearest hop; then level by level, nearest first, the kinds reserved there take
/// their best nodes and the unreserved places take the rest of the level whole, or its best.
/// "Best": a stronger connecting edge (the heaviest edge to a node kept from the level before),
/// then higher degree, then ordinal id. Without the shares a prolific researcher's slice would
/// hold only co-authors, whose edges outweigh the weight-1 authorship edges to their papers.
/// </summary>
/// <remarks>
/// Cost is proportional to the edges of the nodes expanded, not to the graph: the walk stops one
/// level past the first level that overflows the cap (or at the radius), connecting edges to kept
/// nodes are recounted only over nodes the walk expanded, and the selection is a bounded heap. Per-thread scratch arrays are stamped rather than cleared, so a slice allocates
/// only its own lists. Safe to call from many threads on the same adjacency.
/// </remarks>
internal static class GraphSlicer
{
    [ThreadStatic]
    private static SliceWorkspace? t_workspace;

    /// <summary>The slice around <paramref name="center"/>: node indexes, ascending; always contains the centre.</summary>
    /// <param name="radius">Hops from the centre (0 gives the centre alone).</param>
    /// <param name="maxNodes">Most nodes in the slice, centre included (at least 1).</param>
    /// <param name="hubs">The adjacency's hubs ranked (<see cref="HubRanking"/>), so a slice reads only what it can use of them; the slice is the same without.</param>
    public static int[] Slice(GraphAdjacency adjacency, int center, int radius, int maxNodes, HubRanking? hubs = null)
    {
        ArgumentNullException.ThrowIfNull(adjacency);
        if ((uint)center >= (uint)adjacency.NodeCount)
            throw new ArgumentOutOfRangeException(nameof(center), center, $"must be a node index in 0..{adjacency.NodeCount - 1}");
        ArgumentOutOfRangeException.ThrowIfNegative(radius);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNodes, 1);

        var workspace = t_workspace ??= new SliceWorkspace();
        return workspace.Slice(adjacency, center, radius, maxNodes, hubs);
    }

    /// <summary>
    /// The edges between nodes of <paramref name="slice"/> (ascending node indexes, as returned by
    /// <see cref="Slice"/>), numbered by position in the slice: source &lt; target, ordered by
    /// (source, target), with the adjacency's (merged) weights. Ready for <c>ForceLayout.Run</c>.
    /// </summary>
    public static LayoutEdge[] InducedEdges(GraphAdjacency adjacency, ReadOnlySpan<int> slice)
    {
        ArgumentNullException.ThrowIfNull(adjacency);
        var workspace = t_workspace ??= new SliceWorkspace();
        return workspace.InducedEdges(adjacency, slice);
    }

    /// <summary>One slice per centre, computed in parallel; element i belongs to <paramref name="centers"/>[i].</summary>
    public static int[][] SliceAll(GraphAdjacency adjacency, IReadOnlyList<int> centers, int radius, int maxNodes, int maxDegreeOfParallelism = -1, HubRanking? hubs = null)
    {
        ArgumentNullException.ThrowIfNull(centers);
        var slices = new int[centers.Count][];
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        Parallel.ForEach(Partitioner.Create(0, centers.Count, 256), options, range =>
        {
            for (int k = range.Item1; k < range.Item2; k++)
                slices[k] = Slice(adjacency, centers[k], radius, maxNodes, hubs);
        });
        return slices;
    }
}
