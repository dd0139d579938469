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
    /// <summary>
    /// Output path to route, made when first asked for (serve, tests). A build renders every route without it: the
    /// large bench corpus's 210,000 paths and a closure per route took ~45 MB at the moment its memory peaks.
    /// </summary>
    private readonly Lazy<Dictionary<string, Route>> _routes;
    /// <summary>Each entity's slice as node indexes (a large site has 60,000 of them: no entity array per slice is kept).</summary>
    private readonly ConcurrentDictionary<Entity, int[]> _slices = new(ReferenceEqualityComparer.Instance);
    /// <summary>The entities with a slice file, in graph order.</summary>
    private readonly Entity[] _sliceCentres;
    private readonly IReadOnlyList<(string Path, Func<byte[]?> Read)> _assets;
    private readonly SiteUrls _urls;
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

        _urls = new SiteUrls(graph.Config);
        _views = new ViewFactory(graph, _urls, SliceOf, _graphModel.NodeCount, _graphModel.EdgeCount);
        Pages = PagePlan.For(graph, _views);
        _sliceCentres = _graphModel.SliceCentres.ToArray();
        _assets = ThemeAssets.Collect(siteDirectory, diagnostics);
        _routes = new Lazy<Dictionary<string, Route>>(RouteTable);
    }

    public ContentGraph Graph { get; }

    public IReadOnlyList<PlannedPage> Pages { get; }

    public IEnumerable<string> Paths => _routes.Value.Keys;

    /// <summary>
    /// Null when the templates do not parse (the errors are in <paramref name="diagnostics"/>). With
    /// <paramref name="layOutNow"/> (a build that will call <see cref="RenderAll"/> next) the full graph's layout
    /// starts at once, beside the session's own set-up.
    /// </summary>
    public static SiteSession? Create(ContentGraph graph, string siteDirectory, DiagnosticBag diagnostics, bool layOutNow = false) =>
        TemplateEngine.Validated(siteDirectory, diagnostics) is { } engine ? Create(graph, siteDirectory, engine, diagnostics, layOutNow) : null;

    /// <summary>A session over templates already parsed (<see cref="TemplateEngine.Validated"/>) into the same diagnostics.</summary>
    public static SiteSession Create(ContentGraph graph, string siteDirectory, TemplateEngine engine, DiagnosticBag diagnostics, bool layOutNow) =>
        new(graph, siteDirectory, engine, diagnostics, layOutNow);

    public bool Has(string path) => _routes.Value.ContainsKey(path);

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
    public byte[]? Render(string path) => _routes.Value.TryGetValue(path, out var route) ? Render(route)?.ToArray() : null;

    /// <summary>
    /// Renders every route, in parallel, handing each file to <paramref name="sink"/> (from several threads) as
    /// soon as it is made, so a build never holds the whole site. Graph slices are cut all at once first. A job is a
    /// route's kind and index, and its path is made only when its file is: a build holds no path per file.
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
                var (jobs, starts) = Jobs();
                _views.HoldAbstracts(new AbstractCache(Graph.EntityCount, ExpectedAbstractPrints()));
                try
                {
                    // A thread takes a job with the pages attached to it (a profile's works), so that they follow it.
                    var next = -1;
                    Parallel.For(0, Environment.ProcessorCount, _ =>
                    {
                        for (var g = Interlocked.Increment(ref next); g < starts.Length - 1; g = Interlocked.Increment(ref next))
                        {
                            for (var i = starts[g]; i < starts[g + 1]; i++)
                            {
                                RenderJob(jobs[i], sink);
                            }
                        }
                    });
                }
                finally
                {
                    _views.ReleaseAbstracts();
                }

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

    /// <summary>
    /// One job of <see cref="RenderAll"/>. A profile is followed by its researcher's feed on the same thread, which
    /// takes the abstracts the profile parsed or held; then the abstracts it printed are released.
    /// </summary>
    private void RenderJob(Route job, Action<OutputFile> sink)
    {
        var page = job.Kind == RouteKind.Page ? Pages[job.Index] : null;
        var feedOf = page?.ProfileOf ?? -1;
        using var kept = feedOf >= 0 ? MarkdownRenderer.KeepDocuments(AtomFeed.MaxEntries) : default;
        RenderInto(job, sink);
        if (feedOf >= 0)
        {
            RenderInto(new Route(RouteKind.ResearcherFeed, feedOf), sink);
            foreach (var work in Graph.Researchers[feedOf].Works)
            {
                _views.AbstractPrinted(work);
            }
        }
        else if (page?.PublicationOf is >= 0 and var work)
        {
            _views.AbstractPrinted(Graph.Publications[work]);
        }
    }

    /// <summary>How many pages print each work's abstract: its own and each profile that lists it (by entity ordinal).</summary>
    private int[] ExpectedAbstractPrints()
    {
        var expected = new int[Graph.EntityCount];
        foreach (var page in Pages)
        {
            if (page.ProfileOf >= 0)
            {
                foreach (var work in Graph.Researchers[page.ProfileOf].Works)
                {
                    expected[work.Ordinal]++;
                }
            }
            else if (page.PublicationOf >= 0)
            {
                expected[Graph.Publications[page.PublicationOf].Ordinal]++;
            }
        }

        return expected;
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
        var centres = _sliceCentres;
        var members = _graphModel.AllSliceMembers(centres);
        for (var i = 0; i < centres.Length; i++)
        {
            _slices[centres[i]] = members[i];
        }

        return (centres, members);
    }

    private void RenderInto(Route route, Action<OutputFile> sink)
    {
        if (Render(route) is { } bytes)
        {
            sink(new OutputFile(PathOf(route), bytes));
        }
    }

    /// <summary>The files in the order <see cref="RenderAll"/> hands them to its threads (for tests).</summary>
    internal IEnumerable<string> RenderOrder() => Jobs().Routes.Select(PathOf);

    /// <summary>
    /// Every route but graph.json and the researchers' feeds, the pages that take longest first (see
    /// <see cref="RenderAll"/>), in groups: a group is one job and the pages attached to it, rendered on the thread
    /// that takes the job (<see cref="WorksAfterTheirLastProfile"/>); group g is Routes[Starts[g]..Starts[g + 1]].
    /// A feed is rendered with its researcher's profile instead: the profile prints every work's abstract, and the
    /// feed, made next on the same thread, takes the newest works' abstracts as plain text from what the profile
    /// parsed or held rather than parsing them again (the large bench corpus's ten thousand feeds hold 50,427
    /// entries; not parsing their abstracts again saved 335 of a build's 7,496 MiB allocated).
    /// </summary>
    private (Route[] Routes, int[] Starts) Jobs()
    {
        var profiled = new bool[Graph.Researchers.Count];
        foreach (var page in Pages)
        {
            if (page.ProfileOf >= 0)
            {
                profiled[page.ProfileOf] = true;
            }
        }

        // A stable sort: equal costs keep route order, so the schedule (not the output, which never depends on it) is repeatable.
        var byCost = Routes()
            .Where(route => route.Kind != RouteKind.FullGraph && !(route.Kind == RouteKind.ResearcherFeed && profiled[route.Index]))
            .OrderByDescending(Cost).ToArray();
        return WorksAfterTheirLastProfile(byCost);
    }

    /// <summary>
    /// The jobs with each work's page attached to the last profile that lists it, so that the abstract the profiles
    /// printed is held only until then (<see cref="AbstractCache"/>), and rendered by the same thread right after the
    /// profile, which has then printed it: as a job of its own the page was often taken by the other thread while
    /// the profile was still being rendered, and parsed the abstract again. A work's page costs less than any
    /// profile, so no long job moves towards the end.
    /// </summary>
    private (Route[] Routes, int[] Starts) WorksAfterTheirLastProfile(Route[] byCost)
    {
        // The job that makes each profile, by researcher; then each work's last profile, by the work's index.
        var profileAt = new int[Graph.Researchers.Count];
        Array.Fill(profileAt, -1);
        var workPages = new int[Graph.Publications.Count];
        Array.Fill(workPages, -1);
        for (var i = 0; i < byCost.Length; i++)
        {
            if (byCost[i].Kind == RouteKind.Page && Pages[byCost[i].Index] is var page)
            {
                if (page.ProfileOf >= 0)
                {
                    profileAt[page.ProfileOf] = i;
                }
                else if (page.PublicationOf >= 0)
                {
                    workPages[page.PublicationOf] = byCost[i].Index;
                }
            }
        }

        // By entity ordinal, as works appear in researchers' lists.
        var lastProfile = new int[Graph.EntityCount];
        Array.Fill(lastProfile, -1);
        for (var r = 0; r < profileAt.Length; r++)
        {
            if (profileAt[r] < 0)
            {
                continue;
            }

            foreach (var work in Graph.Researchers[r].Works)
            {
                lastProfile[work.Ordinal] = Math.Max(lastProfile[work.Ordinal], profileAt[r]);
            }
        }

        // The moved pages, grouped by the job they follow, in the order of the works.
        var after = new List<int>?[byCost.Length];
        var moved = new bool[Graph.Publications.Count];
        for (var p = 0; p < workPages.Length; p++)
        {
            if (workPages[p] >= 0 && lastProfile[Graph.Publications[p].Ordinal] is >= 0 and var at)
            {
                (after[at] ??= []).Add(workPages[p]);
                moved[p] = true;
            }
        }

        var jobs = new List<Route>(byCost.Length);
        var starts = new List<int>(byCost.Length + 1);
        for (var i = 0; i < byCost.Length; i++)
        {
            var route = byCost[i];
            if (route.Kind == RouteKind.Page && Pages[route.Index].PublicationOf is >= 0 and var p && moved[p])
            {
                continue;
            }

            starts.Add(jobs.Count);
            jobs.Add(route);
            foreach (var page in after[i] ?? [])
            {
                jobs.Add(new Route(RouteKind.Page, page));
            }
        }

        starts.Add(jobs.Count);
        return (jobs.ToArray(), starts.ToArray());
    }

    private long Cost(Route route) => route.Kind switch
    {
        RouteKind.Page => Cost(Pages[route.Index]),
        RouteKind.Slice => SliceCost * MembersOf(_sliceCentres[route.Index]).Length,
        // Site-wide files (search index, sitemap, feed of everything) list every record: treat them as the largest.
        RouteKind.SiteFeed or RouteKind.Search or RouteKind.Sitemap or RouteKind.Robots or RouteKind.NoJekyll => long.MaxValue,
        _ => 1,
    };

    /// <summary>One file of the site: what makes it, as a kind and an index into the session's lists.</summary>
    private readonly record struct Route(RouteKind Kind, int Index);

    private enum RouteKind : byte
    {
        Page,
        SiteFeed,
        ResearcherFeed,
        ResearcherBib,
        PublicationBib,
        Search,
        Sitemap,
        Robots,
        NoJekyll,
        FullGraph,
        Slice,
        Asset,
    }

    /// <summary>Every route, in the order <see cref="Paths"/> lists them.</summary>
    private IEnumerable<Route> Routes()
    {
        for (var i = 0; i < Pages.Count; i++)
        {
            yield return new Route(RouteKind.Page, i);
        }

        yield return new Route(RouteKind.SiteFeed, 0);
        for (var i = 0; i < Graph.Researchers.Count; i++)
        {
            yield return new Route(RouteKind.ResearcherFeed, i);
            yield return new Route(RouteKind.ResearcherBib, i);
        }

        for (var i = 0; i < Graph.Publications.Count; i++)
        {
            yield return new Route(RouteKind.PublicationBib, i);
        }

        yield return new Route(RouteKind.Search, 0);
        yield return new Route(RouteKind.Sitemap, 0);
        yield return new Route(RouteKind.Robots, 0);
        yield return new Route(RouteKind.NoJekyll, 0);
        yield return new Route(RouteKind.FullGraph, 0);
        for (var i = 0; i < _sliceCentres.Length; i++)
        {
            yield return new Route(RouteKind.Slice, i);
        }

        for (var i = 0; i < _assets.Count; i++)
        {
            yield return new Route(RouteKind.Asset, i);
        }
    }

    private Dictionary<string, Route> RouteTable()
    {
        var table = new Dictionary<string, Route>(StringComparer.Ordinal);
        foreach (var route in Routes())
        {
            table[PathOf(route)] = route;
        }

        return table;
    }

    private string PathOf(Route route) => route.Kind switch
    {
        RouteKind.Page => Pages[route.Index].Path,
        RouteKind.SiteFeed => "feed.xml",
        RouteKind.ResearcherFeed => ResearcherFolder(route) + "feed.xml",
        RouteKind.ResearcherBib => ResearcherFolder(route) + "cite.bib",
        RouteKind.PublicationBib => $"publications/{Graph.Publications[route.Index].Id}/cite.bib",
        RouteKind.Search => "search.json",
        RouteKind.Sitemap => "sitemap.xml",
        RouteKind.Robots => "robots.txt",
        // GitHub Pages would otherwise run Jekyll over the output and drop files starting with '_'.
        RouteKind.NoJekyll => ".nojekyll",
        RouteKind.FullGraph => "graph/graph.json",
        RouteKind.Slice => SiteUrls.SliceRelative(_sliceCentres[route.Index]),
        RouteKind.Asset => "assets/" + _assets[route.Index].Path,
        _ => throw new System.Diagnostics.UnreachableException(route.Kind.ToString()),
    };

    private string ResearcherFolder(Route route) => $"researchers/{Graph.Researchers[route.Index].Id}/";

    /// <summary>The file a route makes, or null when its template failed (reported).</summary>
    private FileBytes? Render(Route route)
    {
        switch (route.Kind)
        {
            case RouteKind.Page:
                return RenderPage(Pages[route.Index]);
            case RouteKind.SiteFeed:
                var newest = Graph.Publications.Order(Comparer<Publication>.Create(Publication.NewestFirst)).Take(AtomFeed.MaxEntries).ToList();
                return AtomFeed.Write($"{Graph.Config.Title}: new works", "feed.xml", "", newest, _urls, Summary);
            case RouteKind.ResearcherFeed:
                // A researcher's works are newest first; the feed carries the newest, the profile and cite.bib every one.
                var researcher = Graph.Researchers[route.Index];
                var folder = ResearcherFolder(route);
                return AtomFeed.Write($"{researcher.Name}: works", folder + "feed.xml", folder,
                    researcher.Works.Take(AtomFeed.MaxEntries).ToList(), _urls, Summary);
            case RouteKind.ResearcherBib:
                return BibTex.File(Graph.Researchers[route.Index].Works);
            case RouteKind.PublicationBib:
                return BibTex.File([Graph.Publications[route.Index]]);
            case RouteKind.Search:
                return SearchIndex.Write(Graph);
            case RouteKind.Sitemap:
                return Sitemap.Write(Pages.Where(p => !p.NoIndex).Select(p => p.Url), _urls);
            case RouteKind.Robots:
                return Sitemap.Robots(_urls);
            case RouteKind.NoJekyll:
                return Array.Empty<byte>();
            case RouteKind.FullGraph:
                return _graphModel.FullJson();
            case RouteKind.Slice:
                var centre = _sliceCentres[route.Index];
                return _graphModel.SliceJson(centre, MembersOf(centre));
            case RouteKind.Asset:
                return _assets[route.Index].Read();
            default:
                throw new System.Diagnostics.UnreachableException(route.Kind.ToString());
        }
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
        return _engine.RenderPage(page.Template, model, page.Layout, body => new Views.LayoutModel(model.Site, model.Page, body), page.ExpectedBytes);
    }

    private string Summary(Publication p)
    {
        var text = _views.AbstractText(p);
        return text.Length > 600 ? text[..597] + "…" : text;
    }
}
