using System.Diagnostics;
using BzPeer.Configuration;
using BzPeer.Content;
using BzPeer.Diagnostics;
using BzPeer.Graph;
using BzPeer.Graph.Layout;
using BzPeer.Model;
using BzPeer.Rendering;
using BzPeer.Resolve;

namespace BzPeer.Bench.Layout;

/// <summary>
/// Where a real site's build time goes, one part at a time on one thread (a build runs them in parallel):
/// the steps of cutting and drawing every graph slice, and rendering each kind of file.
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

    /// <summary>Edges within, thinning, layout and JSON of every slice, by the kind of its centre; then the full graph.</summary>
    public static void Slices(string site)
    {
        var model = new GraphModel(Resolve(site));
        var centres = model.SliceCentres.ToArray();
        var clock = Stopwatch.StartNew();
        var members = model.AllSliceMembers(centres);
        Console.WriteLine($"slice members: {clock.ElapsedMilliseconds} ms (parallel)");

        var steps = new long[4];
        var byKind = new SortedDictionary<string, (int Slices, long Ticks, long Members, long Edges)>(StringComparer.Ordinal);
        for (var i = 0; i < centres.Length; i++)
        {
            var step = model.ProbeSlice(centres[i], members[i]);
            for (var s = 0; s < steps.Length; s++)
            {
                steps[s] += step.Ticks[s];
            }

            var kind = centres[i].Kind.ToString();
            var sum = byKind.GetValueOrDefault(kind);
            byKind[kind] = (sum.Slices + 1, sum.Ticks + step.Ticks.Sum(), sum.Members + members[i].Length, sum.Edges + step.EdgesWithin);
        }

        Console.WriteLine($"edges within {Milliseconds(steps[0]):0} ms, thin {Milliseconds(steps[1]):0} ms, layout {Milliseconds(steps[2]):0} ms, json {Milliseconds(steps[3]):0} ms");
        foreach (var (kind, sum) in byKind)
        {
            Console.WriteLine($"  {kind}: {sum.Slices} slices, {Milliseconds(sum.Ticks):0} ms, mean members {(double)sum.Members / sum.Slices:0.0}, mean edges within {(double)sum.Edges / sum.Slices:0.0}");
        }

        clock.Restart();
        var full = model.FullJson();
        Console.WriteLine($"full graph: {clock.ElapsedMilliseconds} ms (layout in parallel), {full.Length:N0} bytes");
    }

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
                MarkdownRenderer.Render(p.Record.Body);
            }
            Console.WriteLine($"markdown: {graph.Publications.Count} abstracts {(Stopwatch.GetTimestamp() - t) * 1000.0 / Stopwatch.Frequency:0} ms {(GC.GetAllocatedBytesForCurrentThread() - a) >> 20} MiB");
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
