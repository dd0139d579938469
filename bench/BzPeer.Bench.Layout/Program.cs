using System.Diagnostics;
using BzPeer.Graph.Layout;
using BzPeer.Bench.Layout;
using BzPeer.Graph.Slicing;
using BzPeer.Tests.Graph;

// Micro-benchmark of the graph layout and slicing on synthetic co-authorship graphs.
// Plain Stopwatch timings (BenchmarkDotNet's many runs take too long for 60,000-node layouts).
//   dotnet run -c Release --project bench/BzPeer.Bench.Layout -- layout 10000 60000
//   dotnet run -c Release --project bench/BzPeer.Bench.Layout -- sweep 10000
//   dotnet run -c Release --project bench/BzPeer.Bench.Layout -- sweep-seeds 18000 5 50 100 (mean over layout seeds 0-4)
//   dotnet run -c Release --project bench/BzPeer.Bench.Layout -- slice 60000         (all 60,000 slices)
//   dotnet run -c Release --project bench/BzPeer.Bench.Layout -- slice-layout 60000  (one layout per slice)
//   dotnet run -c Release --project bench/BzPeer.Bench.Layout -- slice-sweep 10000   (slice layout quality by steps)
//   dotnet run -c Release --project bench/BzPeer.Bench.Layout -- png 3000            (draws layout-3000.png, slice-3000.png)
// "cpu" is process CPU time: a steadier figure than wall time on a shared machine.
//   dotnet run -c Release --project bench/BzPeer.Bench.Layout -- site-slices SITE   (a real site's slices, step by step)
//   dotnet run -c Release --project bench/BzPeer.Bench.Layout -- site-within SITE ROUNDS (slices' edges within and members, timed)
//   dotnet run -c Release --project bench/BzPeer.Bench.Layout -- site-layout SITE [STEPS...] (a real site's full layout, one thread)
//   dotnet run -c Release --project bench/BzPeer.Bench.Layout -- site-layout-seeds SITE SEEDS STEPS... (mean over seeds 0..SEEDS-1)
//   dotnet run -c Release --project bench/BzPeer.Bench.Layout -- site-slice-layout SITE [STEPS...] (only the slices' layouts)
//   dotnet run -c Release --project bench/BzPeer.Bench.Layout -- site-png SITE      (draws a real site's graph and three slices)
//   dotnet run -c Release --project bench/BzPeer.Bench.Layout -- site-render SITE   (a real site's files, by path pattern)
//   dotnet run -c Release --project bench/BzPeer.Bench.Layout -- page-costs SITE    (abstracts' Markdown; page model against render, by page kind)
//   dotnet run -c Release --project bench/BzPeer.Bench.Layout -- site-load SITE     (loading a site's content: all cores, one thread, by step)
//   dotnet run -c Release --project bench/BzPeer.Bench.Layout -- site-allocations SITE [TOP]  (what each stage and each kind of file allocates, by type)
switch (args)
{
    case ["site-within", var site, var rounds]:
        SiteProbes.Within(site, int.Parse(rounds));
        return 0;
    case ["site-slices", var site]:
        SiteProbes.Slices(site);
        return 0;
    case ["page-costs", var site]:
        PageCostProbe.Run(site);
        return 0;
    case ["site-layout-seeds", var site, var seeds, .. var steps]:
        SiteProbes.FullLayout(site, steps.Select(int.Parse).ToArray(), int.Parse(seeds));
        return 0;
    case ["site-layout", var site, .. var steps]:
        SiteProbes.FullLayout(site, steps.Select(int.Parse).ToArray());
        return 0;
    case ["site-slice-layout", var site, .. var steps]:
        SiteProbes.SliceLayouts(site, steps.Select(int.Parse).ToArray());
        return 0;
    case ["site-png", var site]:
        SiteProbes.Pictures(site);
        return 0;
    case ["site-render", var site]:
        SiteProbes.Render(site);
        return 0;
    case ["site-load", var site]:
        SiteProbes.Load(site);
        return 0;
    case ["site-allocations", var site, .. var top]:
        AllocationProbe.Run(site, top.Length > 0 ? int.Parse(top[0]) : 15);
        return 0;
}

string command = args.Length > 0 ? args[0] : "layout";
int[] sizes = args.Skip(1).Select(int.Parse).DefaultIfEmpty(10_000).ToArray();

switch (command)
{
    case "layout":
        Warm();
        foreach (int size in sizes)
            Layout(size, iterations: null);
        break;
    case "sweep":
        Warm();
        foreach (int size in sizes)
            foreach (int iterations in new[] { 25, 50, 100, 150, 200, 300, 500 })
                Layout(size, iterations);
        break;
    case "sweep-seeds":
        // sweep-seeds SIZE SEEDS STEPS...: edge/random's mean and spread over layout seeds 0..SEEDS-1
        Warm();
        foreach (int iterations in sizes.Skip(2))
            LayoutSeeds(sizes[0], iterations, sizes[1]);
        break;
    case "slice":
        foreach (int size in sizes)
            SliceAll(size, radius: 2, maxNodes: 150);
        break;
    case "slice-layout":
        foreach (int size in sizes)
            LayoutEverySlice(size, radius: 2, maxNodes: 150);
        break;
    case "slice-sweep":
        foreach (int size in sizes)
            SweepSliceLayouts(size, radius: 2, maxNodes: 150);
        break;
    case "png":
        {
            var graph = SyntheticScholarGraph.Generate(sizes[0]);
            var result = ForceLayout.Run(graph.NodeIds, graph.Edges);
            PngSketch.Write($"layout-{sizes[0]}.png", graph.NodeIds, result.X, result.Y, graph.Edges.Select(e => (e.Source, e.Target)));
            var adjacency = GraphAdjacency.Build(graph.NodeIds.Length, graph.Edges, graph.NodeIds);
            int author = Array.FindIndex(graph.NodeIds, id => id.StartsWith("r:", StringComparison.Ordinal));
            var (ids, edges) = SubGraph(graph, adjacency, GraphSlicer.Slice(adjacency, author, 2, 150));
            var slice = ForceLayout.Run(ids, edges);
            PngSketch.Write($"slice-{sizes[0]}.png", ids, slice.X, slice.Y, edges.Select(e => (e.Source, e.Target)), 600);
            Console.WriteLine($"wrote layout-{sizes[0]}.png and slice-{sizes[0]}.png (slice of {ids[0]}… {ids.Length} nodes)");
            break;
        }
    case "tree":
        foreach (int size in sizes)
            TreeCost(size);
        break;
    default:
        Console.Error.WriteLine($"unknown command '{command}' (layout, sweep, slice, slice-layout, slice-sweep, tree)");
        return 2;
}
return 0;

static void Warm() => ForceLayout.Run(SyntheticScholarGraph.Generate(3000, seed: 1).NodeIds, SyntheticScholarGraph.Generate(3000, seed: 1).Edges, new LayoutOptions { Iterations = 20 });

static void Layout(int size, int? iterations)
{
    var graph = SyntheticScholarGraph.Generate(size);
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    var result = ForceLayout.Run(graph.NodeIds, graph.Edges, new LayoutOptions { Iterations = iterations });
    watch.Stop();
    cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
    var pairs = graph.Edges.Select(e => (e.Source, e.Target));
    double edge = LayoutMetrics.MeanEdgeLength(result.X, result.Y, pairs);
    double random = LayoutMetrics.MeanRandomPairDistance(result.X, result.Y);
    Console.WriteLine(
        $"layout nodes={graph.NodeIds.Length} edges={graph.Edges.Count} iterations={result.Iterations} " +
        $"wall={watch.Elapsed.TotalSeconds:F2}s cpu={cpu.TotalSeconds:F2}s edge/random={edge / random:F3} meanEdge={edge:F1} " +
        $"extent={LayoutMetrics.MaxDistanceFromOrigin(result.X, result.Y):F0}");
}

static void LayoutSeeds(int size, int iterations, int seeds)
{
    var graph = SyntheticScholarGraph.Generate(size);
    var pairs = graph.Edges.Select(e => (e.Source, e.Target)).ToArray();
    var ratios = new List<double>();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    for (int seed = 0; seed < seeds; seed++)
    {
        var result = ForceLayout.Run(graph.NodeIds, graph.Edges, new LayoutOptions { Iterations = iterations, Seed = seed });
        ratios.Add(LayoutMetrics.MeanEdgeLength(result.X, result.Y, pairs) / LayoutMetrics.MeanRandomPairDistance(result.X, result.Y));
    }
    cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
    double mean = ratios.Average();
    double spread = Math.Sqrt(ratios.Sum(r => (r - mean) * (r - mean)) / Math.Max(1, ratios.Count - 1));
    Console.WriteLine($"sweep-seeds nodes={graph.NodeIds.Length} iterations={iterations} seeds={seeds} cpu-per-layout={cpu.TotalSeconds / seeds:F2}s edge/random={mean:F4} sd={spread:F4}");
}

static void SliceAll(int size, int radius, int maxNodes)
{
    var graph = SyntheticScholarGraph.Generate(size);
    var watch = Stopwatch.StartNew();
    var adjacency = GraphAdjacency.Build(graph.NodeIds.Length, graph.Edges, graph.NodeIds);
    var built = watch.Elapsed;
    var centers = Enumerable.Range(0, graph.NodeIds.Length).ToArray();
    GraphSlicer.SliceAll(adjacency, centers[..1000], radius, maxNodes); // warm up the JIT
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    watch.Restart();
    var slices = GraphSlicer.SliceAll(adjacency, centers, radius, maxNodes);
    watch.Stop();
    cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
    Console.WriteLine(
        $"slice nodes={graph.NodeIds.Length} edges={graph.Edges.Count} radius={radius} max={maxNodes} " +
        $"adjacency={built.TotalMilliseconds:F0}ms all-slices wall={watch.Elapsed.TotalSeconds:F2}s cpu={cpu.TotalSeconds:F2}s " +
        $"mean-size={slices.Average(s => s.Length):F1} capped={slices.Count(s => s.Length == maxNodes)}");
}

// Quality and cost of per-slice layouts by iteration count, on a sample of slices.
static void SweepSliceLayouts(int size, int radius, int maxNodes)
{
    var graph = SyntheticScholarGraph.Generate(size);
    var adjacency = GraphAdjacency.Build(graph.NodeIds.Length, graph.Edges, graph.NodeIds);
    var centers = Enumerable.Range(0, graph.NodeIds.Length).Where(c => c % 50 == 0).ToArray();
    var subgraphs = GraphSlicer.SliceAll(adjacency, centers, radius, maxNodes).Select(slice => SubGraph(graph, adjacency, slice)).ToArray();
    foreach (int iterations in new[] { 20, 25, 30, 40, 60, 100, 150, 300 })
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        double ratio = 0;
        foreach (var (ids, edges) in subgraphs)
        {
            var result = ForceLayout.Run(ids, edges, new LayoutOptions { Iterations = iterations, MaxDegreeOfParallelism = 1 });
            ratio += LayoutMetrics.MeanEdgeLength(result.X, result.Y, edges.Select(e => (e.Source, e.Target)))
                     / LayoutMetrics.MeanRandomPairDistance(result.X, result.Y, 2000);
        }
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"slice-sweep slices={subgraphs.Length} iterations={iterations} cpu-per-slice={cpu.TotalMilliseconds / subgraphs.Length:F2}ms edge/random={ratio / subgraphs.Length:F3}");
    }
}

static (string[] Ids, LayoutEdge[] Edges) SubGraph(SyntheticScholarGraph graph, GraphAdjacency adjacency, int[] slice) =>
    (slice.Select(node => graph.NodeIds[node]).ToArray(), GraphSlicer.InducedEdges(adjacency, slice));

// Cost of giving every slice its own layout (the alternative to cutting positions out of the full layout).
static void LayoutEverySlice(int size, int radius, int maxNodes)
{
    var graph = SyntheticScholarGraph.Generate(size);
    var adjacency = GraphAdjacency.Build(graph.NodeIds.Length, graph.Edges, graph.NodeIds);
    var centers = Enumerable.Range(0, graph.NodeIds.Length).ToArray();
    var slices = GraphSlicer.SliceAll(adjacency, centers, radius, maxNodes);
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    long nodes = 0;
    Parallel.ForEach(slices, slice =>
    {
        var (ids, edges) = SubGraph(graph, adjacency, slice);
        ForceLayout.Run(ids, edges, new LayoutOptions { MaxDegreeOfParallelism = 1 });
        Interlocked.Add(ref nodes, slice.Length);
    });
    watch.Stop();
    cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
    Console.WriteLine($"slice-layout slices={slices.Length} nodes={nodes} wall={watch.Elapsed.TotalSeconds:F2}s cpu={cpu.TotalSeconds:F2}s");
}

// Cost of one Barnes–Hut step's parts, on random points (single thread).
static void TreeCost(int size)
{
    var random = new Random(1);
    var position = Enumerable.Range(0, 2 * size).Select(_ => random.NextDouble() * 1000).ToArray(); // (x, y) pairs
    var mass = Enumerable.Range(0, size).Select(_ => 1.0 + random.Next(10)).ToArray();
    var tree = new BarnesHutTree();
    for (int warm = 0; warm < 3; warm++) tree.Build(position, mass);
    var watch = Stopwatch.StartNew();
    for (int k = 0; k < 10; k++) tree.Build(position, mass);
    double build = watch.Elapsed.TotalMilliseconds / 10;
    var force = new double[2 * size];
    watch.Restart();
    tree.Repulsion(0, tree.LeafCount, 1.0, 0.9, force);
    double forces = watch.Elapsed.TotalMilliseconds;
    double sum = force.Sum();
    Console.WriteLine($"tree n={size} build={build:F1}ms repulsion-all={forces:F1}ms ({sum:E1})");
}
