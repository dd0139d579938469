using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using BzPeer.Configuration;
using BzPeer.Content;
using BzPeer.Diagnostics;
using BzPeer.Rendering;
using BzPeer.Resolve;

namespace BzPeer.Bench.Layout;

/// <summary>
/// What each stage before the render allocates, by type: the runtime's allocation ticks (one event per ≈100 KB
/// allocated, naming the type of the object that crossed the mark) summed per stage. Run under the JIT runtime,
/// so the figures include the JIT's own allocations; the largest types are the ones to look at.
/// </summary>
internal static class AllocationProbe
{
    public static void Run(string site, int top)
    {
        using var listener = new AllocationListener();
        var diagnostics = new DiagnosticBag();
        var config = SiteConfigLoader.Load(site, diagnostics, null);
        listener.Stage = "load";
        var content = ContentLoader.Load(site, diagnostics);
        listener.Stage = "resolve";
        var graph = ContentResolver.Resolve(config, content, diagnostics);
        listener.Stage = "templates";
        var session = SiteSession.Create(graph, site, diagnostics) ?? throw new InvalidOperationException("The templates do not parse.");
        listener.Stage = "slices";
        session.CutSlices();
        listener.Stage = "done";
        // Then a sample of each kind of file, rendered one at a time (a build renders them in parallel).
        var patterns = new List<string>();
        foreach (var group in session.Paths.Where(p => !p.StartsWith("graph/", StringComparison.Ordinal)).GroupBy(PatternOf).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            patterns.Add(group.Key);
            listener.Stage = group.Key;
            foreach (var path in group.Take(2000))
            {
                session.Render(path);
            }
        }

        listener.Stage = "done";
        foreach (var stage in new[] { "load", "resolve", "templates", "slices" }.Concat(patterns))
        {
            var byType = listener.Sampled.Where(p => p.Key.Stage == stage).OrderByDescending(p => p.Value).ToList();
            Console.WriteLine($"{stage}: {byType.Sum(p => p.Value) / 1048576.0:0} MiB sampled");
            foreach (var (key, bytes) in byType.Take(top))
            {
                Console.WriteLine($"  {bytes / 1048576.0,8:0.0} MiB  {key.Type}");
            }
        }
    }

    private static string PatternOf(string path)
    {
        var parts = path.Split('/');
        return parts.Length > 2 ? $"{parts[0]}/*/{string.Join('/', parts[2..])}" : path;
    }

    private sealed class AllocationListener : EventListener
    {
        public volatile string Stage = "config";
        public readonly ConcurrentDictionary<(string Stage, string Type), long> Sampled = new();

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (e.EventName is not null && e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) && e.Payload is { } payload)
            {
                var type = payload[e.PayloadNames!.IndexOf("TypeName")] as string ?? "?";
                var amount = Convert.ToInt64(payload[e.PayloadNames!.IndexOf("AllocationAmount64")]);
                Sampled.AddOrUpdate((Stage, type), amount, (_, sum) => sum + amount);
            }
        }
    }
}
