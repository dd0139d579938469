using BzPeer.Graph.Layout;
using BzPeer.Graph.Slicing;

namespace BzPeer.Tests.Graph;

public class GraphSlicerTests
{
    // A path 0 - 1 - 2 - 3 - 4.
    private static readonly GraphAdjacency Path = GraphAdjacency.Build(5, [new(0, 1), new(1, 2), new(2, 3), new(3, 4)]);

    [Theory]
    [InlineData(0, 0, new[] { 0 })]
    [InlineData(0, 1, new[] { 0, 1 })]
    [InlineData(0, 2, new[] { 0, 1, 2 })]
    [InlineData(2, 1, new[] { 1, 2, 3 })]
    [InlineData(2, 2, new[] { 0, 1, 2, 3, 4 })]
    [InlineData(4, 3, new[] { 1, 2, 3, 4 })]
    public void Slice_holds_exactly_the_nodes_within_the_radius(int center, int radius, int[] expected)
    {
        Assert.Equal(expected, GraphSlicer.Slice(Path, center, radius, maxNodes: 100));
    }

    // Centre 0 with six neighbours; ids make ordinal order differ from index order.
    //   0-2 weight 3, 0-5 weight 2, the rest weight 1;
    //   3 has two more neighbours (6, 7), 4 has one more (8): degrees 3, 2;
    //   1 ("n-b") and 9 ("n-a") tie on weight 1 and degree 1: "n-a" comes first.
    private static readonly string[] StarIds = ["centre", "n-b", "n-c", "n-d", "n-e", "n-f", "far-1", "far-2", "far-3", "n-a"];
    private static readonly GraphAdjacency Star = GraphAdjacency.Build(10,
        [
            new(0, 1), new(0, 2, 3), new(0, 3), new(0, 4), new(0, 5, 2), new(0, 9),
            new(3, 6), new(3, 7, 9), new(4, 8),
        ],
        StarIds);

    [Theory]
    [InlineData(1, new[] { 0 })]
    [InlineData(2, new[] { 0, 2 })]                   // strongest connecting edge first
    [InlineData(3, new[] { 0, 2, 5 })]                // then the next strongest
    [InlineData(4, new[] { 0, 2, 3, 5 })]             // equal weights: the higher degree (3)
    [InlineData(5, new[] { 0, 2, 3, 4, 5 })]          // then degree 2
    [InlineData(6, new[] { 0, 2, 3, 4, 5, 9 })]       // degree 1 tie: ordinal id "n-a" (9) before "n-b" (1)
    [InlineData(7, new[] { 0, 1, 2, 3, 4, 5, 9 })]    // all of hop 1, nothing of hop 2
    [InlineData(8, new[] { 0, 1, 2, 3, 4, 5, 7, 9 })] // hop 2: 7 joins 3 by weight 9
    public void Cap_keeps_nodes_in_the_documented_order(int maxNodes, int[] expected)
    {
        var slice = GraphSlicer.Slice(Star, 0, radius: 2, maxNodes);

        Assert.Equal(expected, slice);
    }

    [Fact]
    public void Closer_nodes_win_over_heavier_edges_further_out()
    {
        // 0-1 weight 1 (hop 1); 1-2 weight 100 (hop 2); 0-3 weight 1 (hop 1).
        var adjacency = GraphAdjacency.Build(4, [new(0, 1), new(1, 2, 100), new(0, 3)]);

        Assert.Equal([0, 1, 3], GraphSlicer.Slice(adjacency, 0, radius: 2, maxNodes: 3));
    }

    [Fact]
    public void Connection_weight_is_the_strongest_edge_towards_the_centre_not_within_the_level()
    {
        // Hop 1: 1 and 2. Hop 2: 3 (edges 1 and 5 to hop 1), 4 (edge 4 to hop 1),
        // 5 (edge 1 to hop 1, and 10 to node 3 on its own level, which must not count).
        var adjacency = GraphAdjacency.Build(6,
            [new(0, 1), new(0, 2), new(1, 3), new(2, 3, 5), new(1, 4, 4), new(2, 5), new(3, 5, 10)]);

        Assert.Equal([0, 1, 2, 3], GraphSlicer.Slice(adjacency, 0, radius: 2, maxNodes: 4));
        Assert.Equal([0, 1, 2, 3, 4], GraphSlicer.Slice(adjacency, 0, radius: 2, maxNodes: 5));
    }

    [Fact]
    public void Without_ids_ties_are_broken_by_node_index()
    {
        var adjacency = GraphAdjacency.Build(4, [new(0, 3), new(0, 2), new(0, 1)]);

        Assert.Equal([0, 1, 2], GraphSlicer.Slice(adjacency, 0, radius: 1, maxNodes: 3));
    }

    [Fact]
    public void Centre_is_always_kept_and_alone_at_cap_one()
    {
        Assert.Equal([3], GraphSlicer.Slice(Star, 3, radius: 2, maxNodes: 1));
        Assert.Equal([8], GraphSlicer.Slice(Star, 8, radius: 0, maxNodes: 150));
        var isolated = GraphAdjacency.Build(3, [new(0, 1)]);
        Assert.Equal([2], GraphSlicer.Slice(isolated, 2, radius: 2, maxNodes: 150));
    }

    /// <summary>
    /// A prolific researcher "r:me": 60 co-authors with 5 shared works each (x:co-00..59, each at
    /// its own institution i:co-NN two hops out), 40 papers (p:paper-00..39, authorship weight 1)
    /// and an own institution i:home. Topics sit two hops out: paper k is about t:topic-(k mod 8);
    /// papers 00-09 are also about t:topic-hot and t:topic-warm (so they have the most
    /// connections); papers 36-39 are each about one t:popular-N, the topics with the most
    /// connections of all, as 20 papers far away (p:zz-far-NN, three hops out) are about them too.
    /// </summary>
    private static (GraphAdjacency Adjacency, string[] Ids) ProlificResearcher(bool reversedEdges = false)
    {
        var ids = new List<string> { "r:me", "i:home", "t:topic-hot", "t:topic-warm" };
        var edges = new List<LayoutEdge> { new(0, 1) };
        for (int t = 0; t < 8; t++)
            ids.Add($"t:topic-{t}");
        int firstPopular = ids.Count;
        for (int t = 0; t < 4; t++)
            ids.Add($"t:popular-{t}");
        for (int k = 0; k < 40; k++)
        {
            int paper = ids.Count;
            ids.Add($"p:paper-{k:D2}");
            edges.Add(new LayoutEdge(0, paper));
            edges.Add(new LayoutEdge(paper, 4 + k % 8));
            if (k < 10)
            {
                edges.Add(new LayoutEdge(paper, 2));
                edges.Add(new LayoutEdge(paper, 3));
            }
            if (k >= 36)
                edges.Add(new LayoutEdge(paper, firstPopular + k - 36));
        }
        for (int f = 0; f < 20; f++)
        {
            int far = ids.Count;
            ids.Add($"p:zz-far-{f:D2}");
            for (int t = 0; t < 4; t++)
                edges.Add(new LayoutEdge(far, firstPopular + t));
        }
        for (int c = 0; c < 60; c++)
        {
            int person = ids.Count;
            ids.Add($"x:co-{c:D2}");
            ids.Add($"i:co-{c:D2}");
            edges.Add(new LayoutEdge(0, person, 5));
            edges.Add(new LayoutEdge(person, person + 1));
        }
        if (reversedEdges)
            edges.Reverse();
        return (GraphAdjacency.Build(ids.Count, edges, ids), [.. ids]);
    }

    private static Dictionary<string, int> KindCounts(string[] ids, int[] slice) =>
        slice.Select(node => ids[node][..ids[node].IndexOf(':')]).CountBy(kind => kind).ToDictionary(StringComparer.Ordinal);

    [Fact]
    public void A_capped_slice_gives_every_kind_a_share_even_against_heavier_edges()
    {
        var (adjacency, ids) = ProlificResearcher();

        var slice = GraphSlicer.Slice(adjacency, 0, radius: 2, maxNodes: 41);

        // 40 places, 4 kinds (x, p, i at hop 1, t at hop 2): a share of 10 each. i has one node at
        // its nearest hop (the co-authors' institutions are farther), so the shares take 31 and the
        // 9 left go by rank: hop 1, the heaviest edges, which are co-authors. Without shares all 40
        // would be co-authors.
        Assert.Equal(new Dictionary<string, int>(StringComparer.Ordinal) { ["r"] = 1, ["x"] = 19, ["p"] = 10, ["i"] = 1, ["t"] = 10 },
                     KindCounts(ids, slice));
        Assert.Contains(Array.IndexOf(ids, "i:home"), slice);
        // Papers tie on weight: the more connections first (00-09 have four), then ordinal id.
        Assert.Equal(["p:paper-00", "p:paper-01", "p:paper-02", "p:paper-03", "p:paper-04", "p:paper-05", "p:paper-06", "p:paper-07", "p:paper-08", "p:paper-09"],
                     Kind(ids, slice, "p:"));
        // Topics: those of the kept papers, not the better-connected t:popular-N, whose papers
        // (36-39) were left out: a topic hanging on nothing in the slice would float alone.
        Assert.Equal(["t:topic-0", "t:topic-1", "t:topic-2", "t:topic-3", "t:topic-4", "t:topic-5", "t:topic-6", "t:topic-7", "t:topic-hot", "t:topic-warm"],
                     Kind(ids, slice, "t:"));
    }

    [Fact]
    public void A_farther_node_with_no_kept_neighbour_comes_only_when_none_with_one_is_left()
    {
        var (adjacency, ids) = ProlificResearcher();

        // 52 places, 4 kinds: a share of 13. 13 papers (00-12) and 13 of the 14 topics: the 10 of
        // those papers, then 3 of the 4 popular ones, which hang on no kept paper (equal
        // connections, so by ordinal id).
        var slice = GraphSlicer.Slice(adjacency, 0, radius: 2, maxNodes: 53);

        Assert.Equal(["t:popular-0", "t:popular-1", "t:popular-2", "t:topic-0", "t:topic-1", "t:topic-2", "t:topic-3", "t:topic-4", "t:topic-5", "t:topic-6", "t:topic-7", "t:topic-hot", "t:topic-warm"],
                     Kind(ids, slice, "t:"));
    }

    private static string[] Kind(string[] ids, int[] slice, string prefix) =>
        [.. slice.Select(node => ids[node]).Where(id => id.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    [Fact]
    public void Kind_shares_are_deterministic_whatever_the_edge_order()
    {
        var (adjacency, ids) = ProlificResearcher();
        var (reversed, _) = ProlificResearcher(reversedEdges: true);

        foreach (int maxNodes in new[] { 2, 5, 17, 41, 90 })
        {
            var slice = GraphSlicer.Slice(adjacency, 0, radius: 2, maxNodes);
            Assert.Equal(slice, GraphSlicer.Slice(adjacency, 0, radius: 2, maxNodes));
            Assert.Equal(slice, GraphSlicer.Slice(reversed, 0, radius: 2, maxNodes));
            Assert.Equal(maxNodes, slice.Length);
        }
    }

    [Theory]
    [InlineData(2, "x:co-00")]                 // fewer places than kinds: rank alone (heaviest edge, ordinal id)
    [InlineData(5, "i:home p:paper-00 t:topic-hot x:co-00")] // one place per kind: t:topic-hot has the most connections of paper-00's topics
    public void Small_caps_keep_the_documented_order(int maxNodes, string expected)
    {
        var (adjacency, ids) = ProlificResearcher();

        var slice = GraphSlicer.Slice(adjacency, 0, radius: 2, maxNodes);

        Assert.Equal(expected, string.Join(' ', slice.Skip(1).Select(node => ids[node]).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void Slices_match_a_plain_reference_implementation_of_the_documented_rule()
    {
        var graph = SyntheticScholarGraph.Generate(2500, seed: 9);
        var adjacency = GraphAdjacency.Build(graph.NodeIds.Length, graph.Edges, graph.NodeIds);

        for (int center = 0; center < graph.NodeIds.Length; center += 7)
            foreach (int maxNodes in new[] { 1, 12, 60 })
                foreach (int radius in new[] { 2, 3 })
                    Assert.Equal(ReferenceSlice(adjacency, graph.NodeIds, center, radius, maxNodes),
                                 GraphSlicer.Slice(adjacency, center, radius, maxNodes));
    }

    [Fact]
    public void Slices_that_read_only_the_best_of_their_hubs_still_match_the_reference()
    {
        // Twelve topics of about 200 works each, institutions of about 14 authors: with small caps the last level
        // reads only the best of the topics' lists, and with some the level before is not kept whole, so the
        // slice is walked again in full.
        var graph = SyntheticScholarGraph.Generate(2500, seed: 5);
        var adjacency = GraphAdjacency.Build(graph.NodeIds.Length, graph.Edges, graph.NodeIds);
        var hubs = HubRanking.Build(adjacency, minDegree: 10);
        var workspace = new SliceWorkspace();

        for (int center = 0; center < graph.NodeIds.Length; center += 5)
            foreach (int maxNodes in new[] { 4, 9, 25, 70 })
                foreach (int radius in new[] { 1, 2 })
                    Assert.Equal(ReferenceSlice(adjacency, graph.NodeIds, center, radius, maxNodes),
                                 workspace.Slice(adjacency, center, radius, maxNodes, hubs));

        Assert.True(workspace.WalksCutShort > 100, $"{workspace.WalksCutShort} slices read only their hubs' best");
        Assert.True(workspace.WalksRepeated > 0, "no slice was walked again in full");
        Assert.True(workspace.WalksRepeated < workspace.WalksCutShort / 2, $"{workspace.WalksRepeated} of {workspace.WalksCutShort} walked again");
    }

    [Fact]
    public void A_hubs_ranked_neighbours_are_its_neighbours_by_kind_then_edge_weight_then_degree_and_id()
    {
        var graph = SyntheticScholarGraph.Generate(2500, seed: 5);
        var adjacency = GraphAdjacency.Build(graph.NodeIds.Length, graph.Edges, graph.NodeIds);
        var ranking = HubRanking.Build(adjacency, minDegree: 40, maxDegreeOfParallelism: 2);
        int hubs = 0;
        for (int node = 0; node < adjacency.NodeCount; node++)
        {
            bool ranked = ranking.Groups(node, out var starts, out var neighbours, out var weights);
            Assert.Equal(adjacency.Degree(node) >= 40, ranked);
            if (!ranked)
                continue;
            hubs++;
            var plain = adjacency.Neighbours(node).ToArray();
            var plainWeights = adjacency.Weights(node).ToArray();
            var expected = Enumerable.Range(0, plain.Length)
                .OrderBy(k => adjacency.Kind(plain[k]))
                .ThenByDescending(k => plainWeights[k])
                .ThenByDescending(k => adjacency.Degree(plain[k]))
                .ThenBy(k => graph.NodeIds[plain[k]], StringComparer.Ordinal)
                .Select(k => (plain[k], plainWeights[k]))
                .ToArray();
            var actual = new (int, int)[starts[^1] - starts[0]];
            for (int k = 0; k < actual.Length; k++)
                actual[k] = (neighbours[starts[0] + k], weights[starts[0] + k]);
            Assert.Equal(expected, actual);
            for (int kind = 0; kind < adjacency.KindCount; kind++)
                for (int k = starts[kind]; k < starts[kind + 1]; k++)
                    Assert.Equal(kind, adjacency.Kind(neighbours[k]));
        }
        Assert.True(hubs >= 12, $"{hubs} hubs");
    }

    [Fact]
    public void Adjacency_knows_the_kinds_next_to_each_node()
    {
        // Kinds are numbered in ordinal order of their prefixes: p 0, r 1, t 2.
        var adjacency = GraphAdjacency.Build(4, [new(0, 1), new(1, 2), new(0, 3)], ["r:a", "p:one", "t:x", "r:b"]);

        Assert.Equal(0b011UL, adjacency.NeighbourKinds(0));   // p:one and r:b
        Assert.Equal(0b110UL, adjacency.NeighbourKinds(1));   // r:a and t:x
        Assert.Equal(0b001UL, adjacency.NeighbourKinds(2));
        Assert.Equal(ulong.MaxValue, GraphAdjacency.KindBit(64));
    }

    [Fact]
    public void Parallel_slicing_gives_the_same_slices_as_one_thread()
    {
        var graph = SyntheticScholarGraph.Generate(3000, seed: 5);
        var adjacency = GraphAdjacency.Build(graph.NodeIds.Length, graph.Edges, graph.NodeIds);
        int[] centers = [.. Enumerable.Range(0, graph.NodeIds.Length)];

        var parallel = GraphSlicer.SliceAll(adjacency, centers, radius: 2, maxNodes: 40, maxDegreeOfParallelism: 4);
        // Interleave a slice of another, smaller graph to check that reused scratch memory does not leak between graphs.
        var sequential = centers.Select(c =>
        {
            GraphSlicer.Slice(Path, c % 5, 2, 3);
            return GraphSlicer.Slice(adjacency, c, radius: 2, maxNodes: 40);
        }).ToArray();

        Assert.Equal(sequential, parallel);
        Assert.All(parallel, slice => Assert.InRange(slice.Length, 1, 40));
    }

    [Fact]
    public void Adjacency_merges_duplicates_drops_self_loops_and_sorts_neighbours()
    {
        var adjacency = GraphAdjacency.Build(4, [new(2, 0), new(0, 3), new(0, 2, 4), new(1, 1), new(3, 0, 2)]);

        Assert.Equal([2, 3], adjacency.Neighbours(0).ToArray());
        Assert.Equal([5, 3], adjacency.Weights(0).ToArray());
        Assert.Equal(0, adjacency.Degree(1));
        Assert.Equal(2, adjacency.EdgeCount);
    }

    [Fact]
    public void Induced_edges_are_the_edges_between_slice_nodes_in_local_numbering()
    {
        // Slice {0, 2, 3, 4} of the star: edges 0-2 (3), 0-3, 0-4; 3-6, 3-7 and 4-8 leave the slice.
        LayoutEdge[] expected = [new(0, 1, 3), new(0, 2, 1), new(0, 3, 1)];

        Assert.Equal(expected, GraphSlicer.InducedEdges(Star, [0, 2, 3, 4]));
        Assert.Empty(GraphSlicer.InducedEdges(Star, [6, 7]));
        Assert.Throws<ArgumentException>(() => GraphSlicer.InducedEdges(Star, [3, 2]));
    }

    [Fact]
    public void Induced_edges_of_a_hub_match_a_scan_of_all_edges()
    {
        // A hub (node 0) with 400 neighbours takes the lookup path; compare with a plain filter of the edge list.
        var edges = new List<LayoutEdge>();
        for (int i = 1; i <= 400; i++)
            edges.Add(new LayoutEdge(0, i, 1 + i % 3));
        for (int i = 1; i < 400; i += 2)
            edges.Add(new LayoutEdge(i, i + 1));
        var adjacency = GraphAdjacency.Build(401, edges);
        int[] slice = [0, 3, 4, 5, 10, 200, 399, 400];

        var local = slice.Select((node, index) => (node, index)).ToDictionary(p => p.node, p => p.index);
        var expected = edges
            .Where(e => local.ContainsKey(e.Source) && local.ContainsKey(e.Target))
            .Select(e => new LayoutEdge(local[e.Source], local[e.Target], e.Weight))
            .OrderBy(e => e.Source).ThenBy(e => e.Target);

        Assert.Equal(expected, GraphSlicer.InducedEdges(adjacency, slice));
    }

    [Fact]
    public void Invalid_arguments_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GraphSlicer.Slice(Path, 5, 2, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => GraphSlicer.Slice(Path, 0, -1, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => GraphSlicer.Slice(Path, 0, 2, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => GraphAdjacency.Build(2, [new LayoutEdge(0, 2)]));
        Assert.Throws<ArgumentException>(() => GraphAdjacency.Build(2, [], ["a", "a"]));
    }

    /// <summary>The rule of docs/graph-slices.md written as plainly as possible: BFS, then level by level, shares then rank.</summary>
    private static int[] ReferenceSlice(GraphAdjacency adjacency, string[] ids, int center, int radius, int maxNodes)
    {
        var hop = new Dictionary<int, int> { [center] = 0 };
        var queue = new Queue<int>([center]);
        while (queue.Count > 0)
        {
            int node = queue.Dequeue();
            if (hop[node] == radius) continue;
            foreach (int next in adjacency.Neighbours(node))
                if (hop.TryAdd(next, hop[node] + 1))
                    queue.Enqueue(next);
        }
        int room = maxNodes - 1;
        // The walk stops one level past the first level at which the candidates overflow the cap.
        int lastHop = radius;
        for (int h = 1; h <= radius; h++)
            if (hop.Count(p => p.Value >= 1 && p.Value <= h) > room)
            {
                lastHop = Math.Min(radius, h + 1);
                break;
            }
        var candidates = hop.Keys.Where(node => node != center && hop[node] <= lastHop).ToList();
        if (candidates.Count <= room)
            return [.. candidates.Append(center).Order()];

        static string KindOf(string id) => id.Contains(':') ? id[..id.IndexOf(':')] : "";
        var nearest = candidates.GroupBy(node => KindOf(ids[node])).ToDictionary(g => g.Key, g => g.Min(node => hop[node]));
        int share = room / nearest.Count;
        var reserve = nearest.ToDictionary(
            pair => pair.Key,
            pair => Math.Min(share, candidates.Count(node => KindOf(ids[node]) == pair.Key && hop[node] == pair.Value)));
        int fill = room - reserve.Values.Sum();

        var kept = new List<int> { center };
        for (int h = 1; h <= lastHop; h++)
        {
            var previous = kept.Where(node => hop[node] == h - 1).ToList();
            // Connection: the heaviest edge to a node kept from the level before.
            int Connection(int node)
            {
                int best = 0;
                var neighbours = adjacency.Neighbours(node);
                var weights = adjacency.Weights(node);
                for (int k = 0; k < neighbours.Length; k++)
                    if (previous.Contains(neighbours[k]))
                        best = Math.Max(best, weights[k]);
                return best;
            }
            var ranked = candidates.Where(node => hop[node] == h)
                .OrderByDescending(Connection)
                .ThenByDescending(adjacency.Degree)
                .ThenBy(node => ids[node], StringComparer.Ordinal)
                .ToList();
            var shares = ranked.Where(node => nearest[KindOf(ids[node])] == h)
                .GroupBy(node => KindOf(ids[node]))
                .SelectMany(kind => kind.Take(reserve[kind.Key]))
                .ToList();
            var rest = ranked.Except(shares).Take(fill).ToList();
            fill -= rest.Count;
            kept.AddRange(shares);
            kept.AddRange(rest);
        }
        return [.. kept.Order()];
    }
}
