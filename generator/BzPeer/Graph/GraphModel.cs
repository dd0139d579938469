using BzPeer.Graph.Layout;
using BzPeer.Graph.Slicing;
using BzPeer.Model;

namespace BzPeer.Graph;

/// <summary>
/// The research graph ready to be cut and drawn: node arrays, CSR adjacency and layout edges, built once per
/// content graph. Slices and their JSON can be made one at a time (serve renders on demand) or all at once (build).
/// </summary>
internal sealed class GraphModel
{
    /// <summary>Cap on the full layout's estimated cost; turned into an iteration count, never read off a clock.</summary>
    private static readonly TimeSpan FullLayoutBudget = TimeSpan.FromSeconds(6);

    /// <summary>
    /// Slices are small ego networks and there is one per entity, so each gets a short simulation. Its start
    /// positions hash from the node ids, so a slice whose neighbourhood did not change keeps its drawing.
    /// </summary>
    private const int SliceIterations = 60;

    private static readonly LayoutOptions SliceOptions = new() { Iterations = SliceIterations, MaxDegreeOfParallelism = 1 };

    private readonly GraphAdjacency _adjacency;
    private readonly LayoutEdge[] _layoutEdges;
    private readonly string[] _ids;
    private readonly int _radius;
    private readonly int _maxNodes;

    public GraphModel(ContentGraph graph)
    {
        Index = new GraphIndex(graph);
        _ids = Index.Nodes.Select(n => n.NodeId).ToArray();
        _layoutEdges = Index.Edges.Select(e => new LayoutEdge(e.Source, e.Target, e.Weight)).ToArray();
        _adjacency = GraphAdjacency.Build(_ids.Length, _layoutEdges, _ids);
        _radius = graph.Config.Graph.SliceRadius;
        _maxNodes = graph.Config.Graph.SliceMaxNodes;
    }

    public GraphIndex Index { get; }

    public int NodeCount => _ids.Length;

    public int EdgeCount => Index.Edges.Length;

    /// <summary>Every entity that has a slice (all but external authors), in graph order.</summary>
    public IEnumerable<Entity> SliceCentres => Index.Nodes.Where(n => n.Kind != NodeKind.External);

    public int[] SliceMembers(Entity centre) => GraphSlicer.Slice(_adjacency, Index.IndexOf[centre], _radius, _maxNodes);

    public int[][] AllSliceMembers(IReadOnlyList<Entity> centres) =>
        GraphSlicer.SliceAll(_adjacency, centres.Select(c => Index.IndexOf[c]).ToArray(), _radius, _maxNodes);

    /// <summary>The slice's JSON: its members with a layout of their own.</summary>
    public byte[] SliceJson(Entity centre, int[] members)
    {
        var edges = Index.EdgesWithin(members);
        var local = new Dictionary<int, int>(members.Length);
        for (var m = 0; m < members.Length; m++)
        {
            local[members[m]] = m;
        }

        var layout = ForceLayout.Run(
            members.Select(m => _ids[m]).ToArray(),
            edges.Select(e => new LayoutEdge(local[e.Source], local[e.Target], e.Weight)).ToArray(),
            SliceOptions);
        return GraphJson.Write(Index, members, layout.X, layout.Y, centre, edges);
    }

    public byte[] FullJson()
    {
        var layout = ForceLayout.Run(_ids, _layoutEdges, new LayoutOptions { TimeBudget = FullLayoutBudget });
        return GraphJson.Write(Index, Enumerable.Range(0, _ids.Length).ToArray(), layout.X, layout.Y, null, Index.Edges);
    }
}
