using BzPeer.Model;
using BzPeer.Output;
using BzPeer.Rendering;

namespace BzPeer.Graph;

/// <summary>
/// The graph part of the render stage: lays out the whole graph, cuts one slice per entity (SPEC §6,
/// docs/graph-slices.md), lays each slice out on its own, and writes graph JSON version 1.
/// </summary>
internal static class GraphStage
{
    public static GraphOutput Build(ContentGraph graph)
    {
        var index = new GraphIndex(graph);
        var settings = graph.Config.Graph;
        var all = Enumerable.Range(0, index.Nodes.Length).ToArray();
        var (x, y) = Layout(index, all, index.Edges);
        var files = new List<OutputFile> { new("graph/graph.json", GraphJson.Write(index, all, x, y, null, index.Edges)) };

        var centres = index.Nodes.Where(n => n.Kind != NodeKind.External).ToArray();
        var sliceFiles = new OutputFile[centres.Length];
        var sliceMembers = new IReadOnlyList<Entity>[centres.Length];
        Parallel.For(0, centres.Length, i =>
        {
            var centre = centres[i];
            var members = Slice(index, index.IndexOf[centre], settings.SliceRadius, settings.SliceMaxNodes);
            var edges = index.EdgesWithin(members);
            var (sx, sy) = Layout(index, members, edges);
            sliceFiles[i] = new OutputFile(SiteUrls.SliceRelative(centre), GraphJson.Write(index, members, sx, sy, centre, edges));
            sliceMembers[i] = members.Select(m => index.Nodes[m]).ToList();
        });

        files.AddRange(sliceFiles);
        var slices = new Dictionary<Entity, IReadOnlyList<Entity>>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < centres.Length; i++)
        {
            slices[centres[i]] = sliceMembers[i];
        }

        return new GraphOutput(files, index.Nodes.Length, index.Edges.Length, slices);
    }

    private static int[] Slice(GraphIndex index, int centre, int radius, int maxNodes)
    {
        var distance = new Dictionary<int, int> { [centre] = 0 };
        var frontier = new List<int> { centre };
        for (var hop = 1; hop <= radius && frontier.Count > 0; hop++)
        {
            var next = new List<int>();
            foreach (var node in frontier)
            {
                for (var k = index.Offsets[node]; k < index.Offsets[node + 1]; k++)
                {
                    var other = index.Neighbours[k];
                    if (distance.TryAdd(other, hop))
                    {
                        next.Add(other);
                    }
                }
            }

            frontier = next;
        }

        return distance
            .OrderBy(p => p.Value).ThenByDescending(p => index.Degree[p.Key]).ThenBy(p => p.Key)
            .Take(maxNodes).Select(p => p.Key).Order().ToArray();
    }

    private static (float[] X, float[] Y) Layout(GraphIndex index, int[] members, IReadOnlyList<IndexedEdge> edges)
    {
        var x = new float[members.Length];
        var y = new float[members.Length];
        for (var i = 0; i < members.Length; i++)
        {
            var angle = 2 * Math.PI * i / Math.Max(1, members.Length);
            x[i] = (float)(100 * Math.Cos(angle));
            y[i] = (float)(100 * Math.Sin(angle));
        }

        return (x, y);
    }
}
