using BzPeer.Graph.Layout;
using BzPeer.Graph.Slicing;
using BzPeer.Model;
using BzPeer.Output;
using BzPeer.Rendering;

namespace BzPeer.Graph;

/// <summary>
/// The graph part of the render stage: lays out the whole graph, cuts one slice per entity
/// (docs/graph-slices.md), lays each slice out on its own, and writes graph JSON version 1
/// (docs/graph-json.md).
/// </summary>
internal static class GraphStage
{
    /// <summary>Cap on the full layout's estimated cost; turned into an iteration count, never read off a clock.</summary>
    private static readonly TimeSpan FullLayoutBudget = TimeSpan.FromSeconds(6);

    /// <summary>
    /// Slices are small ego networks and there is one per entity, so each gets a short simulation. Its
    /// start positions hash from the node ids, so a slice whose neighbourhood did not change keeps its drawing.
    /// </summary>
    private const int SliceIterations = 60;

    public static GraphOutput Build(ContentGraph graph)
    {
        var index = new GraphIndex(graph);
        var settings = graph.Config.Graph;
        var ids = index.Nodes.Select(n => n.NodeId).ToArray();
        var all = Enumerable.Range(0, ids.Length).ToArray();
        var layoutEdges = index.Edges.Select(e => new LayoutEdge(e.Source, e.Target, e.Weight)).ToArray();
        var full = ForceLayout.Run(ids, layoutEdges, new LayoutOptions { TimeBudget = FullLayoutBudget });
        var files = new List<OutputFile> { new("graph/graph.json", GraphJson.Write(index, all, full.X, full.Y, null, index.Edges)) };

        var adjacency = GraphAdjacency.Build(ids.Length, layoutEdges, ids);
        var centres = all.Where(i => index.Nodes[i].Kind != NodeKind.External).ToArray();
        var memberSets = GraphSlicer.SliceAll(adjacency, centres, settings.SliceRadius, settings.SliceMaxNodes);
        var sliceFiles = new OutputFile[centres.Length];
        var sliceOptions = new LayoutOptions { Iterations = SliceIterations, MaxDegreeOfParallelism = 1 };
        Parallel.For(0, centres.Length, i =>
        {
            var centre = index.Nodes[centres[i]];
            var members = memberSets[i];
            var edges = index.EdgesWithin(members);
            var local = new Dictionary<int, int>(members.Length);
            for (var m = 0; m < members.Length; m++)
            {
                local[members[m]] = m;
            }

            var layout = ForceLayout.Run(
                members.Select(m => ids[m]).ToArray(),
                edges.Select(e => new LayoutEdge(local[e.Source], local[e.Target], e.Weight)).ToArray(),
                sliceOptions);
            sliceFiles[i] = new OutputFile(SiteUrls.SliceRelative(centre), GraphJson.Write(index, members, layout.X, layout.Y, centre, edges));
        });

        files.AddRange(sliceFiles);
        var slices = new Dictionary<Entity, IReadOnlyList<Entity>>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < centres.Length; i++)
        {
            slices[index.Nodes[centres[i]]] = memberSets[i].Select(m => index.Nodes[m]).ToList();
        }

        return new GraphOutput(files, index.Nodes.Length, index.Edges.Length, slices);
    }
}
