using System.Diagnostics;
using BzPeer.Graph.Layout;
using BzPeer.Tests.Graph;

// Micro-benchmark of the graph layout and slicing on synthetic co-authorship graphs.
// Plain Stopwatch timings (BenchmarkDotNet's many runs take too long for 60,000-node layouts).
//   dotnet run -c Release --project bench/BzPeer.Bench.Layout -- layout 10000 60000
//   dotnet run -c Release --project bench/BzPeer.Bench.Layout -- sweep 10000
//   dotnet run -c Release --project bench/BzPeer.Bench.Layout -- slice 60000
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
    default:
        Console.Error.WriteLine($"unknown command '{command}' (layout, sweep, slice)");
        return 2;
}
return 0;

static void Warm() => ForceLayout.Run(SyntheticScholarGraph.Generate(3000, seed: 1).NodeIds, SyntheticScholarGraph.Generate(3000, seed: 1).Edges, new LayoutOptions { Iterations = 20 });

static void Layout(int size, int? iterations)
{
    var graph = SyntheticScholarGraph.Generate(size);
    var watch = Stopwatch.StartNew();
    var result = ForceLayout.Run(graph.NodeIds, graph.Edges, new LayoutOptions { Iterations = iterations });
    watch.Stop();
    var pairs = graph.Edges.Select(e => (e.Source, e.Target));
    double edge = LayoutMetrics.MeanEdgeLength(result.X, result.Y, pairs);
    double random = LayoutMetrics.MeanRandomPairDistance(result.X, result.Y);
    Console.WriteLine(
        $"layout nodes={graph.NodeIds.Length} edges={graph.Edges.Count} iterations={result.Iterations} " +
        $"time={watch.Elapsed.TotalSeconds:F2}s edge/random={edge / random:F3} meanEdge={edge:F1} " +
        $"extent={LayoutMetrics.MaxDistanceFromOrigin(result.X, result.Y):F0}");
}
