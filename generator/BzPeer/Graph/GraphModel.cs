using BzPeer.Graph.Layout;
using BzPeer.Graph.Slicing;
using BzPeer.Model;
using BzPeer.Output;

namespace BzPeer.Graph;

/// <summary>
/// The research graph ready to be cut and drawn: node arrays, CSR adjacency and layout edges, built once per
/// content graph. Slices and their JSON can be made one at a time (serve renders on demand) or all at once (build).
/// </summary>
internal sealed class GraphModel
{
    /// <summary>
    /// Cap on the full layout's estimated cost; turned into an iteration count, never read off a clock. It stops
    /// the large bench corpus (90,000 nodes) after about 60 steps, as before the steps got cheaper: on the real
    /// corpora more steps do not draw edges shorter against random pairs (large: 0.537 at 62 steps, 0.545 at 100).
    /// </summary>
    private static readonly TimeSpan FullLayoutBudget = TimeSpan.FromSeconds(2.7);

    /// <summary>
    /// Slices are small ego networks and there is one per entity, so each gets a short simulation. Its start
    /// positions hash from the node ids, so a slice whose neighbourhood did not change keeps its drawing.
    /// With the cooling step cap, 30 steps draw every kind of slice of the medium bench corpus with shorter
    /// edges (against random pairs) than 40 did without it (<c>BzPeer.Bench.Layout site-slice-layout</c>).
    /// </summary>
    private const int SliceIterations = 30;

    /// <summary>Dense co-author cliques would make slice files large; keep at most this many edges per node (see docs/graph-slices.md).</summary>
    private const int MaxSliceEdgesPerNode = 4;

    internal static readonly LayoutOptions SliceLayoutOptions = new() { Iterations = SliceIterations, MaxDegreeOfParallelism = 1 };

    private readonly GraphAdjacency _adjacency;
    private readonly string[] _ids;
    private readonly int _radius;
    private readonly int _publicationRadius;
    private readonly int _maxNodes;
    /// <summary>Ranked when the first slice is cut (the slices stage, on every core), not while the session is set up on one.</summary>
    private readonly Lazy<HubRanking> _hubs;

    public GraphModel(ContentGraph graph)
    {
        Index = new GraphIndex(graph);
        _ids = Index.Nodes.Select(n => n.NodeId).ToArray();
        _adjacency = GraphAdjacency.Build(_ids.Length, LayoutEdges(), _ids);
        _radius = graph.Config.Graph.SliceRadius;
        _publicationRadius = graph.Config.Graph.PublicationSliceRadius;
        _maxNodes = graph.Config.Graph.SliceMaxNodes;
        _hubs = new Lazy<HubRanking>(() => HubRanking.Build(_adjacency, _maxNodes + 1));
    }

    public GraphIndex Index { get; }

    public int NodeCount => _ids.Length;

    public int EdgeCount => Index.Edges.Length;

    /// <summary>Every entity that has a slice (all but external authors), in graph order.</summary>
    public IEnumerable<Entity> SliceCentres => Index.Nodes.Where(n => n.Kind != NodeKind.External);

    public int[] SliceMembers(Entity centre) => GraphSlicer.Slice(_adjacency, Index.IndexOf(centre), RadiusOf(centre), _maxNodes, _hubs.Value);

    public int[][] AllSliceMembers(IReadOnlyList<Entity> centres)
    {
        var result = new int[centres.Count][];
        foreach (var group in Enumerable.Range(0, centres.Count).GroupBy(i => RadiusOf(centres[i])))
        {
            var indexes = group.ToArray();
            var slices = GraphSlicer.SliceAll(_adjacency, indexes.Select(i => Index.IndexOf(centres[i])).ToArray(), group.Key, _maxNodes, hubs: _hubs.Value);
            for (var k = 0; k < indexes.Length; k++)
            {
                result[indexes[k]] = slices[k];
            }
        }

        return result;
    }

    /// <summary>Drops what was cached from an entity whose record was replaced (serve): its title is in every slice that holds it.</summary>
    public void Forget(Entity entity) => Index.NodeJson[Index.IndexOf(entity)] = null;

    /// <summary>A publication's own neighbourhood (authors, topics) is its context; two hops would pull in whole topic hubs.</summary>
    private int RadiusOf(Entity centre) => centre.Kind == NodeKind.Publication ? _publicationRadius : _radius;

    /// <summary>The slice's JSON: its members with a layout of their own.</summary>
    public FileBytes SliceJson(Entity centre, int[] members) => SliceJson(centre, members, null, out _);

    /// <summary>
    /// <see cref="SliceJson(Entity, int[])"/> with each step timed (edges within, thinning, layout, JSON), for the
    /// benchmark's <c>site-slices</c> probe; also how many edges the members had among them before thinning, and
    /// the layout's input and result (positions in the order of <c>Ids</c>).
    /// </summary>
    internal (long[] Ticks, int EdgesWithin, string[] Ids, LayoutEdge[] Edges, LayoutResult Layout) ProbeSlice(Entity centre, int[] members)
    {
        var ticks = new long[4];
        SliceJson(centre, members, ticks, out var within, out var ids, out var edges, out var layout);
        return (ticks, within, ids, edges, layout);
    }

    private FileBytes SliceJson(Entity centre, int[] members, long[]? ticks, out int edgesWithin) =>
        SliceJson(centre, members, ticks, out edgesWithin, out _, out _, out _);

    private FileBytes SliceJson(Entity centre, int[] members, long[]? ticks, out int edgesWithin,
        out string[] ids, out LayoutEdge[] layoutEdges, out LayoutResult layout)
    {
        var lap = ticks is null ? 0 : System.Diagnostics.Stopwatch.GetTimestamp();
        // Scratch per thread: a researcher's slice has thousands of edges within before thinning keeps a few hundred.
        var within = _within ??= [];
        Index.EdgesWithin(members, within);
        edgesWithin = within.Count;
        Lap(ticks, 0, ref lap);
        // The edges' ends are positions in members from here on.
        var edges = Thin(within, Array.BinarySearch(members, Index.IndexOf(centre)), members.Length);
        Lap(ticks, 1, ref lap);

        // The layout numbers nodes in ordinal order of their ids; given them in that order, it sorts no strings.
        // Member m is the layout's node place[m].
        var n = members.Length;
        var ranks = new int[n];
        var byRank = new int[n];
        for (var m = 0; m < n; m++)
        {
            ranks[m] = _adjacency.OrdinalRank(members[m]);
            byRank[m] = m;
        }

        Array.Sort(ranks, byRank);
        var place = new int[n];
        ids = new string[n];
        for (var k = 0; k < n; k++)
        {
            place[byRank[k]] = k;
            ids[k] = _ids[members[byRank[k]]];
        }

        layoutEdges = new LayoutEdge[edges.Count];
        for (var e = 0; e < edges.Count; e++)
        {
            var edge = edges[e];
            layoutEdges[e] = new LayoutEdge(place[edge.Source], place[edge.Target], edge.Weight);
        }

        layout = ForceLayout.Run(ids, layoutEdges, SliceLayoutOptions);
        var x = new float[n];
        var y = new float[n];
        for (var m = 0; m < n; m++)
        {
            x[m] = layout.X[place[m]];
            y[m] = layout.Y[place[m]];
        }

        Lap(ticks, 2, ref lap);
        var json = GraphJson.Write(Index, members, x, y, centre, edges);
        Lap(ticks, 3, ref lap);
        return json;
    }

    [ThreadStatic]
    private static List<IndexedEdge>? _within;

    private static void Lap(long[]? ticks, int step, ref long since)
    {
        if (ticks is not null)
        {
            var now = System.Diagnostics.Stopwatch.GetTimestamp();
            ticks[step] += now - since;
            since = now;
        }
    }

    /// <summary>
    /// At most <see cref="MaxSliceEdgesPerNode"/> edges per node: every edge touching the centre, then the heaviest,
    /// then in graph order. Deterministic, and every kept node stays connected to the centre through kept edges
    /// in practice because edges to the centre come first.
    /// </summary>
    private static List<IndexedEdge> Thin(List<IndexedEdge> edges, int centre, int nodeCount)
    {
        var limit = nodeCount * MaxSliceEdgesPerNode;
        if (edges.Count <= limit)
        {
            return edges;
        }

        // Rank by (touches the centre, not co-authorship, weight, graph order), keep the best, back in graph order.
        // The rank is packed into one key so that a plain ascending sort of integers puts the best first:
        // 2 bits of category, 31 of inverted weight, 31 of position.
        // Rented: a researcher's slice ranks thousands of edges, and there are ten thousand of them.
        var ranked = System.Buffers.ArrayPool<ulong>.Shared.Rent(edges.Count);
        var keys = ranked.AsSpan(0, edges.Count);
        for (var i = 0; i < edges.Count; i++)
        {
            var edge = edges[i];
            var touches = edge.Source == centre || edge.Target == centre ? 1UL : 0UL;
            var structural = edge.Kind != EdgeKind.Coauthor ? 1UL : 0UL;
            var category = 3UL - ((touches << 1) | structural);
            var invertedWeight = (ulong)(int.MaxValue - Math.Max(edge.Weight, 0));
            keys[i] = (category << 62) | (invertedWeight << 31) | (uint)i;
        }

        // Which edges make the cut is all that matters here (they go back to graph order below), so a selection will do.
        Common.Selection.SmallestFirst(keys, limit);
        var kept = new int[limit];
        for (var i = 0; i < limit; i++)
        {
            kept[i] = (int)(keys[i] & int.MaxValue);
        }

        System.Buffers.ArrayPool<ulong>.Shared.Return(ranked);
        Array.Sort(kept);
        var result = new List<IndexedEdge>(limit);
        foreach (var order in kept)
        {
            result.Add(edges[order]);
        }

        return result;
    }

    /// <summary>
    /// Every entity within <paramref name="radius"/> hops of <paramref name="centre"/> (itself included): the
    /// entities whose pages and slices can show it. Cost is the degrees of the nodes expanded, not the graph.
    /// </summary>
    public IEnumerable<Entity> Within(Entity centre, int radius)
    {
        var seen = new HashSet<int> { Index.IndexOf(centre) };
        var frontier = new List<int>(seen);
        for (var hop = 0; hop < radius && frontier.Count > 0; hop++)
        {
            var next = new List<int>();
            foreach (var node in frontier)
            {
                foreach (var other in _adjacency.Neighbours(node))
                {
                    if (seen.Add(other))
                    {
                        next.Add(other);
                    }
                }
            }

            frontier = next;
        }

        return seen.Select(i => Index.Nodes[i]);
    }

    /// <summary>The full layout depends on nodes and edges only, so <c>serve</c> computes it once per graph.</summary>
    private LayoutResult FullLayout(int threads) =>
        LazyInitializer.EnsureInitialized(ref _fullLayout, () => ProbeFullLayout(FullLayoutOptions(threads)));

    internal static LayoutOptions FullLayoutOptions(int threads) => new() { TimeBudget = FullLayoutBudget, MaxDegreeOfParallelism = threads };

    /// <summary>The full graph laid out with <paramref name="options"/>, uncached: for the benchmark's <c>site-layout</c> probe.</summary>
    internal LayoutResult ProbeFullLayout(LayoutOptions options) => ForceLayout.Run(_ids, LayoutEdges(), options);

    /// <summary>
    /// The edges as the layout and the adjacency take them, made for each (twice per graph) rather than kept:
    /// on a large site they are 11 MB that would otherwise stay through the whole render.
    /// </summary>
    private LayoutEdge[] LayoutEdges() => Array.ConvertAll(Index.Edges, e => new LayoutEdge(e.Source, e.Target, e.Weight));

    private LayoutResult? _fullLayout;

    /// <summary>
    /// graph.json. <paramref name="threads"/> only changes how fast it is made, never the bytes: a build lays the
    /// graph out on one thread beside the other work, <c>serve</c> on every core because a browser is waiting.
    /// </summary>
    public FileBytes FullJson(int threads = 0)
    {
        var layout = FullLayout(threads > 0 ? threads : Environment.ProcessorCount);
        return GraphJson.Write(Index, Enumerable.Range(0, _ids.Length).ToArray(), layout.X, layout.Y, null, Index.Edges);
    }
}
