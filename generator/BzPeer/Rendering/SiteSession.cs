using System.Collections.Concurrent;
using System.Text;
using BzPeer.Diagnostics;
using BzPeer.Graph;
using BzPeer.Model;
using BzPeer.Output;
using BzPeer.Rendering.Formats;

namespace BzPeer.Rendering;

/// <summary>
/// Everything needed to render any file of a site from one resolved content graph: a route table from output
/// path to a renderer. A build renders every route in parallel; <c>serve</c> renders a route when it is asked
/// for and keeps it until the content changes, so an edit re-renders only the pages that are looked at.
/// </summary>
internal sealed class SiteSession
{
    private readonly Dictionary<string, Func<FileBytes?>> _routes = new(StringComparer.Ordinal);
    /// <summary>Each entity's slice as node indexes (a large site has 60,000 of them: no entity array per slice is kept).</summary>
    private readonly ConcurrentDictionary<Entity, int[]> _slices = new(ReferenceEqualityComparer.Instance);
    /// <summary>Each slice file's route key and centre, in graph order: a build's jobs are made from these, sharing the key strings.</summary>
    private readonly List<(string Path, Entity Centre)> _sliceRoutes = [];
    private readonly TemplateEngine _engine;
    private readonly GraphModel _graphModel;
    private readonly ViewFactory _views;
    /// <summary>graph.json, being laid out since the session was made (a build's), until <see cref="RenderAll"/> takes it.</summary>
    private Task<LaidOutGraph>? _fullGraph;

    private SiteSession(ContentGraph graph, string siteDirectory, TemplateEngine engine, DiagnosticBag diagnostics, bool layOutNow)
    {
        Graph = graph;
        _engine = engine;
        _graphModel = new GraphModel(graph);
        if (layOutNow)
        {
            // The rest of this constructor (views, page plan, routes) runs on one core: the layout takes the other.
            _fullGraph = LayOutFullGraph();
        }

        var urls = new SiteUrls(graph.Config);
        _views = new ViewFactory(graph, urls, SliceOf, _graphModel.NodeCount, _graphModel.EdgeCount);
        Pages = PagePlan.For(graph, _views);
        foreach (var page in Pages)
        {
            _routes[page.Path] = () => RenderPage(page);
        }

        AddFeedsAndIndexes(graph, urls);
        _routes["graph/graph.json"] = () => _graphModel.FullJson();
        foreach (var centre in _graphModel.SliceCentres)
        {
            var path = SiteUrls.SliceRelative(centre);
            _sliceRoutes.Add((path, centre));
            _routes[path] = () => _graphModel.SliceJson(centre, MembersOf(centre));
        }

        foreach (var (path, read) in ThemeAssets.Collect(siteDirectory, diagnostics))
        {
            _routes["assets/" + path] = () => read();
        }
    }

    public ContentGraph Graph { get; }

    public IReadOnlyList<PlannedPage> Pages { get; }

    public IEnumerable<string> Paths => _routes.Keys;

    /// <summary>
    /// Null when the templates do not parse (the errors are in <paramref name="diagnostics"/>). With
    /// <paramref name="layOutNow"/> (a build that will call <see cref="RenderAll"/> next) the full graph's layout
    /// starts at once, beside the session's own set-up.
    /// </summary>
    public static SiteSession? Create(ContentGraph graph, string siteDirectory, DiagnosticBag diagnostics, bool layOutNow = false)
    {
        var engine = new TemplateEngine(siteDirectory, diagnostics);
        return engine.Validate() ? new SiteSession(graph, siteDirectory, engine, diagnostics, layOutNow) : null;
    }

    public bool Has(string path) => _routes.ContainsKey(path);

    /// <summary>
    /// Swaps an edited record into its publication (serve's fast path: the caller checked that its links are
    /// unchanged) and returns the node ids whose files may show it: everything within the slice radius.
    /// </summary>
    public IReadOnlySet<string> Replace(Publication publication, Content.PublicationRecord record)
    {
        publication.Replace(record);
        _views.Forget(publication);
        _graphModel.Forget(publication);
        _engine.ForgetCachedIncludes();
        return _graphModel.Within(publication, Math.Max(Graph.Config.Graph.SliceRadius, Graph.Config.Graph.PublicationSliceRadius))
            .Select(e => e.NodeId).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The file at an output path, or null when there is none or its template failed (reported).</summary>
    public byte[]? Render(string path) => _routes.TryGetValue(path, out var render) ? render()?.ToArray() : null;

    /// <summary>
    /// Renders every route, in parallel, handing each file to <paramref name="sink"/> (from several threads) as
    /// soon as it is made, so a build never holds the whole site. Graph slices are cut all at once first. This
    /// spends the session: its route table is let go as the files are made, so nothing can be rendered after.
    /// </summary>
    /// <remarks>
    /// The full graph's layout is the longest single job of a build and needs nothing but the graph, so it runs on
    /// a thread of its own, sequentially, while the slices and pages share the thread pool: no stage waits for
    /// its last few jobs while a core idles, and the layout's steps do not synchronise threads a hundred times.
    /// The jobs are handed out one at a time, the largest pages first, so that no long page is left for the end.
    /// </remarks>
    public void RenderAll(StageClock clock, Action<OutputFile> sink)
    {
        var laidOut = _fullGraph ?? LayOutFullGraph();
        _fullGraph = null;
        var full = laidOut.ContinueWith(done =>
        {
            var graph = done.GetAwaiter().GetResult();
            sink(new OutputFile("graph/graph.json", graph.TakeJson()));
            clock.Record("graph", graph.Elapsed);
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        var failed = true;
        try
        {
            clock.Time("slices", CutSlices);
            clock.Time("render", () =>
            {
                var jobs = Jobs();
                // Each route renders once here: the route table's paths and closures go as their jobs are done
                // (a large site has 200,000), not with the session.
                _routes.Clear();
                _routes.TrimExcess();
                _sliceRoutes.Clear();
                _sliceRoutes.TrimExcess();
                var next = -1;
                Parallel.For(0, Environment.ProcessorCount, _ =>
                {
                    for (var i = Interlocked.Increment(ref next); i < jobs.Length; i = Interlocked.Increment(ref next))
                    {
                        var (path, render) = jobs[i];
                        jobs[i] = default;
                        if (render() is { } bytes)
                        {
                            sink(new OutputFile(path, bytes));
                        }
                    }
                });
                return 0;
            });
            failed = false;
        }
        finally
        {
            // The layout thread must be done with the sink before the caller disposes it, whatever happened here.
            clock.Time("layout", () =>
            {
                try
                {
                    full.Wait();
                }
                catch (AggregateException) when (failed)
                {
                    // The render's own failure is the one to report.
                }

                return 0;
            });
        }
    }

    private Task<LaidOutGraph> LayOutFullGraph() => Task.Factory.StartNew(() =>
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        return new LaidOutGraph(_graphModel.FullJson(threads: 1), started.Elapsed);
    }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>
    /// The full graph's JSON, handed over once: the finished task stays referenced until the render ends, and
    /// a large site's graph.json (30 MB) should not stay with it.
    /// </summary>
    private sealed class LaidOutGraph(FileBytes json, TimeSpan elapsed)
    {
        private FileBytes? _json = json;

        public TimeSpan Elapsed { get; } = elapsed;

        public FileBytes TakeJson()
        {
            var json = _json ?? throw new InvalidOperationException("graph.json was already taken.");
            _json = null;
            return json;
        }
    }

    /// <summary>Every entity's slice, cut on every core, kept for the pages that list its members.</summary>
    internal (Entity[] Centres, int[][] Members) CutSlices()
    {
        var centres = _graphModel.SliceCentres.ToArray();
        var members = _graphModel.AllSliceMembers(centres);
        for (var i = 0; i < centres.Length; i++)
        {
            _slices[centres[i]] = members[i];
        }

        return (centres, members);
    }

    /// <summary>Every route but graph.json, the pages that take longest first (see <see cref="RenderAll"/>).</summary>
    private (string Path, Func<FileBytes?> Render)[] Jobs()
    {
        var slicePaths = new HashSet<string>(StringComparer.Ordinal) { "graph/graph.json" };
        var jobs = new List<(string Path, Func<FileBytes?> Render, long Cost)>(_routes.Count);
        foreach (var (path, centre) in _sliceRoutes)
        {
            slicePaths.Add(path);
            jobs.Add((path, _routes[path], SliceCost * MembersOf(centre).Length));
        }

        var pageCost = Pages.ToDictionary(p => p.Path, Cost, StringComparer.Ordinal);
        foreach (var (path, render) in _routes)
        {
            if (!slicePaths.Contains(path))
            {
                // Site-wide files (search index, sitemap, feeds of everything) list every record: treat them as the largest.
                jobs.Add((path, render, pageCost.TryGetValue(path, out var cost) ? cost : path.Contains('/') ? 1 : long.MaxValue));
            }
        }

        // A stable sort: equal costs keep route order, so the schedule (not the output, which never depends on it) is repeatable.
        return jobs.OrderByDescending(j => j.Cost).Select(j => (j.Path, j.Render)).ToArray();
    }

    // Rough costs in microseconds, from bench/BzPeer.Bench.Layout's site-render and site-slices probes: only their order matters.
    private const long SliceCost = 15;   // per member
    private const long PageCost = 200;
    private const long ListedCost = 60;  // per work listed

    private static long Cost(PlannedPage page) => PageCost + ListedCost * page.Listed;

    private IReadOnlyList<Entity> SliceOf(Entity entity) => new SliceEntities(MembersOf(entity), _graphModel.Index.Nodes);

    /// <summary>An entity's slice: cut with all the others before a build renders (<see cref="CutSlices"/>), else when first asked for.</summary>
    private int[] MembersOf(Entity entity) => _slices.GetOrAdd(entity, _graphModel.SliceMembers);

    /// <summary>A slice's members seen as entities, without copying them.</summary>
    private sealed class SliceEntities(int[] members, Entity[] nodes) : IReadOnlyList<Entity>
    {
        public Entity this[int index] => nodes[members[index]];

        public int Count => members.Length;

        public IEnumerator<Entity> GetEnumerator()
        {
            foreach (var member in members)
            {
                yield return nodes[member];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private FileBytes? RenderPage(PlannedPage page)
    {
        var model = page.Model();
        return _engine.RenderPage(page.Template, model, page.Layout, body => new Views.LayoutModel(model.Site, model.Page, body));
    }

    private void AddFeedsAndIndexes(ContentGraph graph, SiteUrls urls)
    {
        _routes["feed.xml"] = () =>
        {
            var newest = graph.Publications.Order(Comparer<Publication>.Create(Publication.NewestFirst)).Take(AtomFeed.MaxEntries).ToList();
            return AtomFeed.Write($"{graph.Config.Title}: new works", "feed.xml", "", newest, urls, Summary);
        };
        foreach (var researcher in graph.Researchers)
        {
            var folder = $"researchers/{researcher.Id}/";
            // A researcher's works are newest first; the feed carries the newest, the profile and cite.bib every one.
            _routes[folder + "feed.xml"] = () => AtomFeed.Write($"{researcher.Name}: works", folder + "feed.xml", folder,
                researcher.Works.Take(AtomFeed.MaxEntries).ToList(), urls, Summary);
            _routes[folder + "cite.bib"] = () => Encoding.UTF8.GetBytes(BibTex.Entries(researcher.Works));
        }

        foreach (var publication in graph.Publications)
        {
            _routes[$"publications/{publication.Id}/cite.bib"] = () => Encoding.UTF8.GetBytes(BibTex.Entry(publication));
        }

        _routes["search.json"] = () => SearchIndex.Write(graph);
        _routes["sitemap.xml"] = () => Sitemap.Write(Pages.Where(p => !p.NoIndex).Select(p => p.Url), urls);
        _routes["robots.txt"] = () => Sitemap.Robots(urls);
        // GitHub Pages would otherwise run Jekyll over the output and drop files starting with '_'.
        _routes[".nojekyll"] = () => Array.Empty<byte>();
    }

    private string Summary(Publication p)
    {
        var text = _views.AbstractText(p);
        return text.Length > 600 ? text[..597] + "…" : text;
    }
}
