using BzPeer.Graph.Layout;

namespace BzPeer.Tests.Graph;

public class ForceLayoutTests
{
    private static readonly LayoutOptions Quick = new() { Iterations = 60 };

    [Fact]
    public void Same_input_gives_identical_positions()
    {
        var graph = SyntheticScholarGraph.Generate(600);

        var first = ForceLayout.Run(graph.NodeIds, graph.Edges, Quick);
        var second = ForceLayout.Run(graph.NodeIds, graph.Edges, Quick);

        Assert.Equal(first.X, second.X);
        Assert.Equal(first.Y, second.Y);
    }

    [Fact]
    public void Permuted_nodes_and_reordered_edges_give_the_same_position_per_id()
    {
        var graph = SyntheticScholarGraph.Generate(600);
        var random = new Random(3);
        int n = graph.NodeIds.Length;
        int[] newIndex = [.. Enumerable.Range(0, n).OrderBy(_ => random.Next())];
        var permutedIds = new string[n];
        for (int i = 0; i < n; i++)
            permutedIds[newIndex[i]] = graph.NodeIds[i];
        // Edges renumbered, shuffled, and half of them reversed.
        var permutedEdges = graph.Edges
            .Select(e => random.Next(2) == 0
                ? new LayoutEdge(newIndex[e.Source], newIndex[e.Target], e.Weight)
                : new LayoutEdge(newIndex[e.Target], newIndex[e.Source], e.Weight))
            .OrderBy(_ => random.Next())
            .ToList();

        var original = ForceLayout.Run(graph.NodeIds, graph.Edges, Quick);
        var permuted = ForceLayout.Run(permutedIds, permutedEdges, Quick);

        for (int i = 0; i < n; i++)
        {
            Assert.Equal(original.X[i], permuted.X[newIndex[i]]);
            Assert.Equal(original.Y[i], permuted.Y[newIndex[i]]);
        }
    }

    [Fact]
    public void A_small_layout_after_a_larger_one_on_the_same_thread_is_the_layout_it_has_alone()
    {
        // A thread lends one set of arrays to its small layouts in turn (SimulationArrays): what a larger graph left
        // in them (old forces, nodes past the small graph's end) must not reach the next one.
        var small = SyntheticScholarGraph.Generate(150, seed: 7);
        var larger = SyntheticScholarGraph.Generate(450, seed: 8);
        LayoutResult OnFreshThread(Func<LayoutResult> layout)
        {
            LayoutResult? result = null;
            var thread = new Thread(() => result = layout());
            thread.Start();
            thread.Join();
            return result!;
        }

        var alone = OnFreshThread(() => ForceLayout.Run(small.NodeIds, small.Edges, Quick));
        var afterLarger = OnFreshThread(() =>
        {
            ForceLayout.Run(larger.NodeIds, larger.Edges, Quick);
            return ForceLayout.Run(small.NodeIds, small.Edges, Quick);
        });

        Assert.Equal(alone.X, afterLarger.X);
        Assert.Equal(alone.Y, afterLarger.Y);
    }

    [Fact]
    public void Thread_count_does_not_change_positions()
    {
        // Large enough (over 2,048 nodes) for the force computation to run in parallel.
        var graph = SyntheticScholarGraph.Generate(3000);

        var single = ForceLayout.Run(graph.NodeIds, graph.Edges, new LayoutOptions { Iterations = 15, MaxDegreeOfParallelism = 1 });
        var many = ForceLayout.Run(graph.NodeIds, graph.Edges, new LayoutOptions { Iterations = 15, MaxDegreeOfParallelism = 4 });

        Assert.Equal(single.X, many.X);
        Assert.Equal(single.Y, many.Y);
    }

    [Fact]
    public void No_two_nodes_share_a_point_even_when_the_drawing_is_squeezed()
    {
        var graph = SyntheticScholarGraph.Generate(400);

        // At this scale every node rounds into a few tenths of a unit, so most collide before separation.
        var squeezed = ForceLayout.Run(graph.NodeIds, graph.Edges, Quick with { Scale = 0.0005 });
        var normal = ForceLayout.Run(graph.NodeIds, graph.Edges, Quick);

        Assert.Equal(graph.NodeIds.Length, squeezed.X.Zip(squeezed.Y).Distinct().Count());
        Assert.Equal(graph.NodeIds.Length, normal.X.Zip(normal.Y).Distinct().Count());
    }

    [Fact]
    public void Positions_have_one_decimal()
    {
        var graph = SyntheticScholarGraph.Generate(300);

        var result = ForceLayout.Run(graph.NodeIds, graph.Edges, Quick);

        foreach (float value in result.X.Concat(result.Y))
        {
            double tenths = value * 10.0;
            Assert.Equal(Math.Round(tenths), tenths, 3);
            Assert.Equal(value, float.Parse(value.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Linked_nodes_are_closer_than_random_pairs()
    {
        var graph = SyntheticScholarGraph.Generate(1500);

        var result = ForceLayout.Run(graph.NodeIds, graph.Edges);

        double edge = LayoutMetrics.MeanEdgeLength(result.X, result.Y, graph.Edges.Select(e => (e.Source, e.Target)));
        double random = LayoutMetrics.MeanRandomPairDistance(result.X, result.Y);
        Assert.True(edge < 0.7 * random, $"mean edge length {edge:F1}, mean random pair distance {random:F1}");
    }

    [Fact]
    public void Two_groups_joined_by_one_edge_are_drawn_apart()
    {
        // Two 12-node cliques with a single bridge: members of one clique should sit together.
        var ids = Enumerable.Range(0, 24).Select(i => $"n{i:D2}").ToArray();
        var edges = new List<LayoutEdge>();
        for (int group = 0; group < 2; group++)
            for (int a = 0; a < 12; a++)
                for (int b = a + 1; b < 12; b++)
                    edges.Add(new LayoutEdge(group * 12 + a, group * 12 + b));
        edges.Add(new LayoutEdge(0, 12));

        var result = ForceLayout.Run(ids, edges);

        double within = 0, across = 0;
        int withinCount = 0, acrossCount = 0;
        for (int a = 0; a < 24; a++)
            for (int b = a + 1; b < 24; b++)
            {
                double d = LayoutMetrics.Distance(result.X, result.Y, a, b);
                if (a / 12 == b / 12) { within += d; withinCount++; }
                else { across += d; acrossCount++; }
            }
        Assert.True(within / withinCount < 0.5 * (across / acrossCount), $"within {within / withinCount:F1}, across {across / acrossCount:F1}");
    }

    [Fact]
    public void Disconnected_components_and_isolated_nodes_stay_within_bounds()
    {
        // 30 separate triangles and 40 isolated nodes: repulsion alone would push them apart forever.
        var ids = new List<string>();
        var edges = new List<LayoutEdge>();
        for (int t = 0; t < 30; t++)
        {
            int first = ids.Count;
            ids.AddRange([$"t{t}a", $"t{t}b", $"t{t}c"]);
            edges.AddRange([new(first, first + 1), new(first + 1, first + 2), new(first, first + 2)]);
        }
        for (int i = 0; i < 40; i++)
            ids.Add($"lonely{i}");

        var shortRun = ForceLayout.Run(ids, edges, new LayoutOptions { Iterations = 100 });
        var longRun = ForceLayout.Run(ids, edges, new LayoutOptions { Iterations = 2000 });

        // The drawing settles: running twenty times longer does not make it grow.
        double shortExtent = LayoutMetrics.MaxDistanceFromOrigin(shortRun.X, shortRun.Y);
        double longExtent = LayoutMetrics.MaxDistanceFromOrigin(longRun.X, longRun.Y);
        Assert.True(longExtent < 1.5 * shortExtent, $"extent {shortExtent:F1} after 100 steps, {longExtent:F1} after 2000");
        // And it stays near the radius where gravity balances repulsion: √(2 · total mass / 1) ≈ 26 here.
        Assert.True(longExtent < 60, $"extent {longExtent:F1}");
        // Each triangle stays together (closer than the typical distance between nodes).
        double randomPair = LayoutMetrics.MeanRandomPairDistance(longRun.X, longRun.Y);
        double edge = LayoutMetrics.MeanEdgeLength(longRun.X, longRun.Y, edges.Select(e => (e.Source, e.Target)));
        Assert.True(edge < 0.5 * randomPair, $"triangle edges {edge:F1}, random pairs {randomPair:F1}");
    }

    [Fact]
    public void Empty_single_and_isolated_graphs_get_finite_positions()
    {
        var empty = ForceLayout.Run([], []);
        var single = ForceLayout.Run(["r:ada"], []);
        var isolatedPair = ForceLayout.Run(["r:ada", "r:grace"], []);

        Assert.Empty(empty.X);
        Assert.Single(single.X);
        Assert.True(float.IsFinite(single.X[0]) && float.IsFinite(single.Y[0]));
        Assert.All(isolatedPair.X.Concat(isolatedPair.Y), v => Assert.True(float.IsFinite(v)));
        Assert.NotEqual((isolatedPair.X[0], isolatedPair.Y[0]), (isolatedPair.X[1], isolatedPair.Y[1]));
    }

    [Fact]
    public void Isolated_node_in_a_connected_graph_gets_a_position_near_the_rest()
    {
        var graph = SyntheticScholarGraph.Generate(300);
        string[] ids = [.. graph.NodeIds, "r:nobody"];

        var result = ForceLayout.Run(ids, graph.Edges, Quick);

        int lonely = ids.Length - 1;
        Assert.True(float.IsFinite(result.X[lonely]) && float.IsFinite(result.Y[lonely]));
        double extentOfOthers = LayoutMetrics.MaxDistanceFromOrigin(result.X[..lonely], result.Y[..lonely]);
        double lonelyDistance = Math.Sqrt(result.X[lonely] * result.X[lonely] + result.Y[lonely] * result.Y[lonely]);
        Assert.True(lonelyDistance < 2 * extentOfOthers, $"isolated node at {lonelyDistance:F1}, others within {extentOfOthers:F1}");
        Assert.Equal(0, result.Degree[lonely]);
    }

    [Fact]
    public void Duplicate_edges_count_as_one_heavier_edge_and_self_loops_are_ignored()
    {
        string[] ids = ["a", "b", "c", "d"];
        LayoutEdge[] merged = [new(0, 1, 2), new(1, 2), new(2, 3)];
        LayoutEdge[] duplicated = [new(0, 1), new(1, 0), new(1, 2), new(2, 2, 5), new(2, 3), new(3, 3)];

        var expected = ForceLayout.Run(ids, merged);
        var actual = ForceLayout.Run(ids, duplicated);

        Assert.Equal(expected.X, actual.X);
        Assert.Equal(expected.Y, actual.Y);
        Assert.Equal([1, 2, 2, 1], actual.Degree);
    }

    [Fact]
    public void Heavier_edges_pull_their_ends_closer()
    {
        // A square a-b-c-d-a; the a-b edge carries 10 shared works.
        string[] ids = ["a", "b", "c", "d"];
        LayoutEdge[] edges = [new(0, 1, 10), new(1, 2), new(2, 3), new(3, 0)];

        var result = ForceLayout.Run(ids, edges);

        double heavy = LayoutMetrics.Distance(result.X, result.Y, 0, 1);
        double light = LayoutMetrics.Distance(result.X, result.Y, 2, 3);
        Assert.True(heavy < light, $"heavy edge {heavy:F1}, light edge {light:F1}");
    }

    [Fact]
    public void A_node_keeps_its_position_when_an_unrelated_graph_is_laid_out_with_the_same_ids()
    {
        // Seeding by id: the same sub-graph laid out alone twice, with different node lists in
        // different orders, must match, which is what keeps an unchanged slice stable.
        string[] ids = ["p:x", "r:a", "r:b", "t:ml"];
        LayoutEdge[] edges = [new(1, 0), new(2, 0), new(0, 3), new(1, 2, 3)];
        string[] reordered = ["t:ml", "r:b", "p:x", "r:a"];
        LayoutEdge[] reorderedEdges = [new(3, 2, 1), new(1, 3, 3), new(2, 0), new(1, 2)];

        var first = ForceLayout.Run(ids, edges);
        var second = ForceLayout.Run(reordered, reorderedEdges);

        for (int i = 0; i < ids.Length; i++)
        {
            int j = Array.IndexOf(reordered, ids[i]);
            Assert.Equal((first.X[i], first.Y[i]), (second.X[j], second.Y[j]));
        }
    }

    [Fact]
    public void Seed_changes_the_drawing()
    {
        var graph = SyntheticScholarGraph.Generate(200);

        var a = ForceLayout.Run(graph.NodeIds, graph.Edges, Quick);
        var b = ForceLayout.Run(graph.NodeIds, graph.Edges, Quick with { Seed = 1 });

        Assert.NotEqual(a.X, b.X);
    }

    [Fact]
    public void Time_budget_picks_the_iteration_count_from_the_graph_size()
    {
        var graph = SyntheticScholarGraph.Generate(2000);
        var tight = new LayoutOptions { TimeBudget = TimeSpan.FromMilliseconds(50) };

        var first = ForceLayout.Run(graph.NodeIds, graph.Edges, tight);
        var second = ForceLayout.Run(graph.NodeIds, graph.Edges, tight);
        var unlimited = ForceLayout.Run(graph.NodeIds, graph.Edges, new LayoutOptions { Iterations = first.Iterations });

        Assert.Equal(first.Iterations, second.Iterations);
        Assert.InRange(first.Iterations, IterationBudget.MinimumIterations, IterationBudget.DefaultIterations(2000) - 1);
        Assert.Equal(first.X, unlimited.X);
        Assert.Equal(IterationBudget.MinimumIterations, IterationBudget.Choose(new LayoutOptions { TimeBudget = TimeSpan.Zero }, 60_000, 400_000));
        Assert.True(IterationBudget.Choose(new LayoutOptions { TimeBudget = TimeSpan.FromSeconds(2) }, 60_000, 400_000)
                    < IterationBudget.Choose(new LayoutOptions { TimeBudget = TimeSpan.FromSeconds(2) }, 10_000, 60_000));
    }

    [Fact]
    public void Invalid_input_is_rejected_with_argument_exceptions()
    {
        Assert.Throws<ArgumentException>(() => ForceLayout.Run(["a", "a"], []));
        Assert.Throws<ArgumentOutOfRangeException>(() => ForceLayout.Run(["a", "b"], [new LayoutEdge(0, 2)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ForceLayout.Run(["a", "b"], [new LayoutEdge(0, 1, 0)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ForceLayout.Run(["a"], [], new LayoutOptions { Theta = double.NaN }));
        Assert.Throws<ArgumentOutOfRangeException>(() => ForceLayout.Run(["a"], [], new LayoutOptions { Iterations = -1 }));
    }
}
