using System.Diagnostics;
using BzPeer.Configuration;
using BzPeer.Content;
using BzPeer.Diagnostics;
using BzPeer.Graph;
using BzPeer.Graph.Layout;
using BzPeer.Model;
using BzPeer.Rendering;
using BzPeer.Resolve;
using BzPeer.Tests.Graph;

namespace BzPeer.Bench.Layout;

/// <summary>
/// Where a real site's build time goes, one part at a time on one thread (a build runs them in parallel):
/// loading the content, the steps of cutting and drawing every graph slice, and rendering each kind of file.
/// </summary>
internal static class SiteProbes
{
    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    private static ContentGraph Resolve(string site)
    {
        var diagnostics = new DiagnosticBag();
        var config = SiteConfigLoader.Load(site, diagnostics, null);
        return ContentResolver.Resolve(config, ContentLoader.Load(site, diagnostics), diagnostics);
    }

    /// <summary>
    /// The load stage (content files to records) whole: once cold, then warm on all cores and on one thread;
    /// then its steps one file at a time. CPU time is the figure to compare on a shared machine. This project
    /// runs with the runtime's defaults; for the CLI's, set DOTNET_TieredPGO=0 DOTNET_TC_QuickJitForLoops=0
    /// DOTNET_TC_CallCountingDelayMs=0 DOTNET_GCConserveMemory=4 DOTNET_SYSTEM_IO_DISABLEFILELOCKING=1.
    /// </summary>
    public static void Load(string site)
    {
        var counts = "";
        for (var run = 0; run < 7; run++)
        {
            var label = run == 0 ? "cold, all cores" : run < 4 ? "warm, all cores" : "warm, one thread";
            var diagnostics = new DiagnosticBag();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var pause = GC.GetTotalPauseDuration();
            var collections = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var clock = Stopwatch.StartNew();
            var content = run < 4 ? ContentLoader.Load(site, diagnostics) : OnOneThread(() => ContentLoader.Load(site, diagnostics));
            clock.Stop();
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            pause = GC.GetTotalPauseDuration() - pause;
            var gcs = $"gen0/1/2 {GC.CollectionCount(0) - collections.Item1}/{GC.CollectionCount(1) - collections.Item2}/{GC.CollectionCount(2) - collections.Item3}";
            counts = $"{content.Researchers.Count} researchers, {content.Publications.Count} publications, {content.Topics.Count} topics, " +
                     $"{content.Institutions.Count} institutions, {diagnostics.ErrorCount} errors, {diagnostics.WarningCount} warnings";
            Console.WriteLine($"load {label,-16} cpu {cpu.TotalMilliseconds,6:0} ms  wall {clock.Elapsed.TotalMilliseconds,6:0} ms  allocated {allocated / 1048576.0,6:0.0} MiB  GC pauses {pause.TotalMilliseconds,4:0} ms, {gcs}");
        }

        Console.WriteLine(counts);
        LoadSteps(site);
    }

    /// <summary>
    /// Runs <paramref name="load"/> on a scheduler that runs one task at a time: the loader's Parallel.ForEach
    /// takes the current scheduler, so every file is read on this one thread without the loader knowing.
    /// </summary>
    private static T OnOneThread<T>(Func<T> load)
    {
        var scheduler = new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, maxConcurrencyLevel: 1).ConcurrentScheduler;
        return Task.Factory.StartNew(load, CancellationToken.None, TaskCreationOptions.None, scheduler).GetAwaiter().GetResult();
    }

    /// <summary>Each step of reading a content file, summed over every file on one thread (after the runs above warmed it).</summary>
    private static void LoadSteps(string site)
    {
        string[] names = ["enumerate", "classify", "read+decode", "front matter", "yaml", "fields+record", "assemble"];
        var ticks = new long[names.Length];
        var bytes = new long[names.Length];
        var clock = Stopwatch.GetTimestamp();
        var allocated = GC.GetAllocatedBytesForCurrentThread();

        void Lap(int step)
        {
            var now = Stopwatch.GetTimestamp();
            var nowAllocated = GC.GetAllocatedBytesForCurrentThread();
            ticks[step] += now - clock;
            bytes[step] += nowAllocated - allocated;
            clock = now;
            allocated = nowAllocated;
        }

        GC.Collect();
        clock = Stopwatch.GetTimestamp();
        var root = Path.GetFullPath(site);
        var paths = ContentLoader.List(root);
        Lap(0);
        var folders = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var diagnostics = new DiagnosticBag();
        foreach (var (relative, mayBeLink) in paths)
        {
            var file = ContentLoader.Classify(root, relative, diagnostics, folders, mayBeLink);
            Lap(1);
            var document = file is null ? null : SourceReader.Read(file.FullPath, relative, diagnostics);
            Lap(2);
            var frontMatter = document is null ? null : FrontMatter.Split(document, diagnostics);
            Lap(3);
            var map = frontMatter is null ? null : YamlParser.Parse(frontMatter.Yaml, relative, frontMatter.YamlLineOffset, diagnostics);
            Lap(4);
            if (map is not null)
            {
                var fields = new FieldReader(map, relative, frontMatter!.YamlLineOffset, diagnostics);
                _ = file!.Kind switch
                {
                    ContentKind.Researcher => (ContentRecord?)RecordReaders.Researcher(file.Id, fields, frontMatter.Body, frontMatter.BodyLine),
                    ContentKind.Publication => RecordReaders.Publication(file.Id, fields, frontMatter.Body, frontMatter.BodyLine),
                    ContentKind.Topic => RecordReaders.Topic(file.Id, fields, frontMatter.Body, frontMatter.BodyLine),
                    _ => RecordReaders.Institution(file.Id, fields, frontMatter.Body, frontMatter.BodyLine),
                };
            }

            Lap(5);
        }

        var store = ContentStore.Load(site);
        GC.Collect();
        clock = Stopwatch.GetTimestamp();
        allocated = GC.GetAllocatedBytesForCurrentThread();
        store.Assemble(new DiagnosticBag());
        Lap(6);
        Console.WriteLine($"steps, one thread, {paths.Count} files:");
        for (var i = 0; i < names.Length; i++)
        {
            Console.WriteLine($"  {names[i],-14} {Milliseconds(ticks[i]),7:0} ms {Milliseconds(ticks[i]) * 1000 / paths.Count,7:0.0} µs/file " +
                              $"{bytes[i] / 1048576.0,8:0.0} MiB {bytes[i] / (double)paths.Count,8:0} B/file");
        }
    }

    /// <summary>
    /// Every slice's edges within (<see cref="GraphIndex.EdgesWithin"/>), then every slice's members, each
    /// <paramref name="rounds"/> times on one thread: the two steps of slicing whose cost grows fastest with the site.
    /// </summary>
    public static void Within(string site, int rounds)
    {
        var model = new GraphModel(Resolve(site));
        var centres = model.SliceCentres.ToArray();
        var members = model.AllSliceMembers(centres);
        var list = new List<IndexedEdge>();
        for (var r = 0; r < rounds; r++)
        {
            var clock = Stopwatch.StartNew();
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            long edges = 0;
            for (var i = 0; i < centres.Length; i++)
            {
                model.Index.EdgesWithin(members[i], list);
                edges += list.Count;
            }
            Console.WriteLine($"within round {r}: {clock.ElapsedMilliseconds} ms, cpu {(Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds:0} ms, {edges} edges");
        }
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var r = 0; r < rounds; r++)
        {
            model.AllSliceMembers(centres);
        }

        Console.WriteLine($"members, {rounds} rounds on every core: cpu {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:0} ms");
    }

    /// <summary>Edges within, thinning, layout and JSON of every slice, by the kind of its centre; then the full graph.</summary>
    public static void Slices(string site)
    {
        var model = new GraphModel(Resolve(site));
        var centres = model.SliceCentres.ToArray();
        var clock = Stopwatch.StartNew();
        var members = model.AllSliceMembers(centres);
        Console.WriteLine($"slice members: {clock.ElapsedMilliseconds} ms (parallel)");

        var steps = new long[4];
        var byKind = new SortedDictionary<string, (int Slices, long Ticks, long Members, long Edges, double Quality)>(StringComparer.Ordinal);
        for (var i = 0; i < centres.Length; i++)
        {
            var step = model.ProbeSlice(centres[i], members[i]);
            for (var s = 0; s < steps.Length; s++)
            {
                steps[s] += step.Ticks[s];
            }

            var kind = centres[i].Kind.ToString();
            var sum = byKind.GetValueOrDefault(kind);
            byKind[kind] = (sum.Slices + 1, sum.Ticks + step.Ticks.Sum(), sum.Members + members[i].Length, sum.Edges + step.EdgesWithin,
                sum.Quality + EdgeOverRandom(step.Layout, step.Edges));
        }

        Console.WriteLine($"edges within {Milliseconds(steps[0]):0} ms, thin {Milliseconds(steps[1]):0} ms, layout {Milliseconds(steps[2]):0} ms, json {Milliseconds(steps[3]):0} ms");
        foreach (var (kind, sum) in byKind)
        {
            Console.WriteLine($"  {kind}: {sum.Slices} slices, {Milliseconds(sum.Ticks):0} ms, mean members {(double)sum.Members / sum.Slices:0.0}, " +
                $"mean edges within {(double)sum.Edges / sum.Slices:0.0}, mean edge/random {sum.Quality / sum.Slices:0.000}");
        }

        clock.Restart();
        var full = model.FullJson();
        Console.WriteLine($"full graph: {clock.ElapsedMilliseconds} ms (layout in parallel), {full.Length:N0} bytes");
    }

    /// <summary>
    /// The full graph's layout as a build makes it (one thread, the build's time budget), or with the given step
    /// counts: process CPU time and mean edge length over mean random-pair distance (lower is better).
    /// </summary>
    /// <remarks>
    /// With <paramref name="seeds"/> above 1 each step count is run with seeds 0, 1, ...: one drawing's
    /// edge/random moves by about a percent with the seed, more than many a change it is meant to judge.
    /// </remarks>
    public static void FullLayout(string site, int[] iterations, int seeds = 1)
    {
        var model = new GraphModel(Resolve(site));
        var edges = model.Index.Edges.Select(e => (e.Source, e.Target)).ToArray();
        var options = GraphModel.FullLayoutOptions(threads: 1);
        foreach (int? steps in iterations.Length == 0 ? [null] : iterations.Select(i => (int?)i))
        {
            var ratios = new List<double>();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            int ran = 0;
            for (int seed = 0; seed < seeds; seed++)
            {
                var result = model.ProbeFullLayout((steps is null ? options : options with { Iterations = steps, TimeBudget = null }) with { Seed = seed });
                ran = result.Iterations;
                ratios.Add(LayoutMetrics.MeanEdgeLength(result.X, result.Y, edges) / LayoutMetrics.MeanRandomPairDistance(result.X, result.Y));
            }
            clock.Stop();
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            double mean = ratios.Average();
            double spread = Math.Sqrt(ratios.Sum(r => (r - mean) * (r - mean)) / Math.Max(1, ratios.Count - 1));
            Console.WriteLine($"site-layout nodes={model.NodeCount} edges={model.EdgeCount} iterations={ran} seeds={seeds} " +
                $"wall={clock.Elapsed.TotalSeconds / seeds:F2}s cpu={cpu.TotalSeconds / seeds:F2}s edge/random={mean:F4}" +
                (seeds > 1 ? $" sd={spread:F4}" : ""));
        }
    }

    /// <summary>
    /// Only the layouts of a real site's slices (the inputs made once, as a build makes them), on one thread, with
    /// the given step counts: CPU time and the mean edge/random of all slices and by the kind of their centre.
    /// </summary>
    public static void SliceLayouts(string site, int[] iterations)
    {
        var model = new GraphModel(Resolve(site));
        var centres = model.SliceCentres.ToArray();
        var members = model.AllSliceMembers(centres);
        var inputs = new (string[] Ids, LayoutEdge[] Edges, NodeKind Kind)[centres.Length];
        for (var i = 0; i < centres.Length; i++)
        {
            var probe = model.ProbeSlice(centres[i], members[i]);
            inputs[i] = (probe.Ids, probe.Edges, centres[i].Kind);
        }

        foreach (int? steps in iterations.Length == 0 ? [null] : iterations.Select(i => (int?)i))
        {
            var options = steps is null ? GraphModel.SliceLayoutOptions : GraphModel.SliceLayoutOptions with { Iterations = steps };
            var byKind = new SortedDictionary<string, double>(StringComparer.Ordinal);
            double all = 0;
            var layouts = new LayoutResult[inputs.Length];
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            for (var i = 0; i < inputs.Length; i++)
            {
                layouts[i] = ForceLayout.Run(inputs[i].Ids, inputs[i].Edges, options);
            }

            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            for (var i = 0; i < inputs.Length; i++)
            {
                var quality = EdgeOverRandom(layouts[i], inputs[i].Edges);
                all += quality;
                byKind[inputs[i].Kind.ToString()] = byKind.GetValueOrDefault(inputs[i].Kind.ToString()) + quality;
            }

            Console.WriteLine($"site-slice-layout slices={inputs.Length} iterations={layouts.Max(l => l.Iterations)} cpu={cpu.TotalSeconds:F2}s " +
                $"edge/random all={all / inputs.Length:F4} " +
                string.Join(" ", byKind.Select(k => $"{k.Key}={k.Value / inputs.Count(s => s.Kind.ToString() == k.Key):F4}")));
        }
    }

    /// <summary>
    /// Draws a real site's graph as a build lays it out (site-graph.png) and the slices of three researchers
    /// (the first, the median and the last by slice size, site-slice-N.png), to look at.
    /// </summary>
    public static void Pictures(string site)
    {
        var model = new GraphModel(Resolve(site));
        var ids = model.Index.Nodes.Select(n => n.NodeId).ToArray();
        var full = model.ProbeFullLayout(GraphModel.FullLayoutOptions(threads: Environment.ProcessorCount));
        PngSketch.Write("site-graph.png", ids, full.X, full.Y, model.Index.Edges.Select(e => (e.Source, e.Target)));
        var researchers = model.SliceCentres.Where(c => c.Kind == NodeKind.Researcher).ToArray();
        var members = model.AllSliceMembers(researchers);
        var bySize = Enumerable.Range(0, researchers.Length).OrderBy(i => members[i].Length).ThenBy(i => i).ToArray();
        int[] picked = [bySize[0], bySize[bySize.Length / 2], bySize[^1]];
        for (var k = 0; k < picked.Length; k++)
        {
            var i = picked[k];
            var probe = model.ProbeSlice(researchers[i], members[i]);
            PngSketch.Write($"site-slice-{k}.png", probe.Ids, probe.Layout.X, probe.Layout.Y, probe.Edges.Select(e => (e.Source, e.Target)), 600);
            Console.WriteLine($"site-slice-{k}.png: {researchers[i].NodeId}, {probe.Ids.Length} nodes, {probe.Edges.Length} edges, " +
                $"edge/random {EdgeOverRandom(probe.Layout, probe.Edges):F3}");
        }
    }

    private static double EdgeOverRandom(LayoutResult layout, LayoutEdge[] edges) =>
        layout.X.Length < 3 || edges.Length == 0
            ? 0
            : LayoutMetrics.MeanEdgeLength(layout.X, layout.Y, edges.Select(e => (e.Source, e.Target)))
              / LayoutMetrics.MeanPairDistance(layout.X, layout.Y);

    /// <summary>Every file but the graph's, rendered once after a warm-up (slices cut beforehand, as in a build), summed by path pattern.</summary>
    public static void Render(string site)
    {
        var session = SiteSession.Create(Resolve(site), site, new DiagnosticBag()) ?? throw new InvalidOperationException("The templates do not parse.");
        // As a build does: pages then list their slices' members without cutting them.
        session.CutSlices();
        var paths = session.Paths.Where(p => !p.StartsWith("graph/", StringComparison.Ordinal)).ToArray();
        foreach (var path in paths.Take(2000))
        {
            session.Render(path);
        }

        var byPattern = new Dictionary<string, (int Files, long Ticks, long Bytes, long Allocated)>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        foreach (var path in paths)
        {
            var parts = path.Split('/');
            var pattern = parts.Length > 2 ? $"{parts[0]}/*/{string.Join('/', parts[2..])}" : path;
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            var bytes = session.Render(path);
            var ticks = Stopwatch.GetTimestamp() - start;
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            var sum = byPattern.GetValueOrDefault(pattern);
            byPattern[pattern] = (sum.Files + 1, sum.Ticks + ticks, sum.Bytes + (bytes?.Length ?? 0), sum.Allocated + allocated);
        }

        Console.WriteLine($"all files: {clock.ElapsedMilliseconds} ms");
        foreach (var (pattern, sum) in byPattern.OrderByDescending(p => p.Value.Ticks).ThenBy(p => p.Key, StringComparer.Ordinal).Take(15))
        {
            Console.WriteLine($"{Milliseconds(sum.Ticks),9:0} ms {sum.Files,7} files {sum.Bytes / 1048576.0,8:0.0} MiB written {sum.Allocated / 1048576.0,9:0.0} MiB allocated  {pattern}");
        }
    }
}

internal static class PageCostProbe
{
    public static void Run(string site)
    {
        var graph = typeof(SiteProbes).GetMethod("Resolve", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.Invoke(null, [site]) as BzPeer.Model.ContentGraph;
        var diagnostics = new BzPeer.Diagnostics.DiagnosticBag();
        var session = SiteSession.Create(graph!, site, diagnostics)!;
        session.CutSlices();
        for (var round = 0; round < 3; round++)
        {
            var a = GC.GetAllocatedBytesForCurrentThread();
            var t = Stopwatch.GetTimestamp();
            foreach (var p in graph!.Publications)
            {
                MarkdownRenderer.HtmlBytes(p.Record.Body);
            }
            Console.WriteLine($"markdown: {graph.Publications.Count} abstracts {(Stopwatch.GetTimestamp() - t) * 1000.0 / Stopwatch.Frequency:0} ms {(GC.GetAllocatedBytesForCurrentThread() - a) >> 20} MiB");
            a = GC.GetAllocatedBytesForCurrentThread();
            t = Stopwatch.GetTimestamp();
            foreach (var p in graph!.Publications)
            {
                MarkdownRenderer.ToPlainText(p.Record.Body);
            }

            Console.WriteLine($"plain text: {graph.Publications.Count} abstracts {(Stopwatch.GetTimestamp() - t) * 1000.0 / Stopwatch.Frequency:0} ms {(GC.GetAllocatedBytesForCurrentThread() - a) >> 20} MiB");
        }
        var engine = new TemplateEngine(site, diagnostics);
        engine.Validate();
        foreach (var prefix in new[] { "publications/", "researchers/" })
        {
            var pages = session.Pages.Where(p => p.Url.StartsWith(prefix) && p.Url.Length > prefix.Length && p.Template is "pages/publication.html" or "pages/researcher.html").ToArray();
            for (var round = 0; round < 2; round++)
            {
                long modelTicks = 0, renderTicks = 0, modelBytes = 0, renderBytes = 0;
                foreach (var page in pages)
                {
                    var a = GC.GetAllocatedBytesForCurrentThread();
                    var t = Stopwatch.GetTimestamp();
                    var model = page.Model();
                    var t2 = Stopwatch.GetTimestamp();
                    var b = GC.GetAllocatedBytesForCurrentThread();
                    engine.RenderPage(page.Template, model, page.Layout, body => new BzPeer.Rendering.Views.LayoutModel(model.Site, model.Page, body));
                    var t3 = Stopwatch.GetTimestamp();
                    var c = GC.GetAllocatedBytesForCurrentThread();
                    modelTicks += t2 - t; renderTicks += t3 - t2; modelBytes += b - a; renderBytes += c - b;
                }
                Console.WriteLine($"{prefix} {pages.Length} pages: model {modelTicks * 1000.0 / Stopwatch.Frequency:0} ms {modelBytes >> 20} MiB, render {renderTicks * 1000.0 / Stopwatch.Frequency:0} ms {renderBytes >> 20} MiB");
            }
        }
    }
}
