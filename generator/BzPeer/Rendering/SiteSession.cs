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
    private readonly Dictionary<string, Func<byte[]?>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Entity, IReadOnlyList<Entity>> _slices = new(ReferenceEqualityComparer.Instance);
    private readonly TemplateEngine _engine;
    private readonly GraphModel _graphModel;
    private readonly ViewFactory _views;

    private SiteSession(ContentGraph graph, string siteDirectory, TemplateEngine engine, DiagnosticBag diagnostics)
    {
        Graph = graph;
        _engine = engine;
        _graphModel = new GraphModel(graph);
        var urls = new SiteUrls(graph.Config);
        _views = new ViewFactory(graph, urls, SliceOf, _graphModel.NodeCount, _graphModel.EdgeCount);
        Pages = PagePlan.For(graph, _views);
        foreach (var page in Pages)
        {
            _routes[page.Path] = () => RenderPage(page);
        }

        AddFeedsAndIndexes(graph, urls);
        _routes["graph/graph.json"] = _graphModel.FullJson;
        foreach (var centre in _graphModel.SliceCentres)
        {
            _routes[SiteUrls.SliceRelative(centre)] = () => _graphModel.SliceJson(centre, _graphModel.SliceMembers(centre));
        }

        foreach (var (path, read) in ThemeAssets.Collect(siteDirectory, diagnostics))
        {
            _routes["assets/" + path] = read;
        }
    }

    public ContentGraph Graph { get; }

    public IReadOnlyList<PlannedPage> Pages { get; }

    public IEnumerable<string> Paths => _routes.Keys;

    /// <summary>Null when the templates do not parse (the errors are in <paramref name="diagnostics"/>).</summary>
    public static SiteSession? Create(ContentGraph graph, string siteDirectory, DiagnosticBag diagnostics)
    {
        var engine = new TemplateEngine(siteDirectory, diagnostics);
        return engine.Validate() ? new SiteSession(graph, siteDirectory, engine, diagnostics) : null;
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
        return _graphModel.Within(publication, Math.Max(Graph.Config.Graph.SliceRadius, Graph.Config.Graph.PublicationSliceRadius))
            .Select(e => e.NodeId).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The file at an output path, or null when there is none or its template failed (reported).</summary>
    public byte[]? Render(string path) => _routes.TryGetValue(path, out var render) ? render() : null;

    /// <summary>
    /// Renders every route, in parallel, handing each file to <paramref name="sink"/> (from several threads) as
    /// soon as it is made, so a build never holds the whole site. Graph slices are cut all at once first.
    /// </summary>
    public void RenderAll(StageClock clock, Action<OutputFile> sink)
    {
        var centres = _graphModel.SliceCentres.ToArray();
        var members = clock.Time("slices", () => _graphModel.AllSliceMembers(centres));
        for (var i = 0; i < centres.Length; i++)
        {
            _slices[centres[i]] = members[i].Select(m => _graphModel.Index.Nodes[m]).ToArray();
        }

        var graphPaths = new HashSet<string>(StringComparer.Ordinal) { "graph/graph.json" };
        clock.Time("layout", () =>
        {
            Parallel.For(0, centres.Length + 1, i => sink(i == centres.Length
                ? new OutputFile("graph/graph.json", _graphModel.FullJson())
                : new OutputFile(SiteUrls.SliceRelative(centres[i]), _graphModel.SliceJson(centres[i], members[i]))));
            return 0;
        });

        graphPaths.UnionWith(centres.Select(SiteUrls.SliceRelative));
        clock.Time("render", () =>
        {
            var paths = _routes.Keys.Where(p => !graphPaths.Contains(p)).ToArray();
            Parallel.For(0, paths.Length, i =>
            {
                if (_routes[paths[i]]() is { } bytes)
                {
                    sink(new OutputFile(paths[i], bytes));
                }
            });
            return 0;
        });
    }

    private IReadOnlyList<Entity> SliceOf(Entity entity) =>
        _slices.GetOrAdd(entity, e => _graphModel.SliceMembers(e).Select(m => _graphModel.Index.Nodes[m]).ToArray());

    private byte[]? RenderPage(PlannedPage page)
    {
        var model = page.Model();
        return _engine.RenderPage(page.Template, model, page.Layout, body => new Views.LayoutModel(model.Site, model.Page, body));
    }

    private void AddFeedsAndIndexes(ContentGraph graph, SiteUrls urls)
    {
        _routes["feed.xml"] = () =>
        {
            var newest = graph.Publications.Order(Comparer<Publication>.Create(Publication.NewestFirst)).Take(50).ToList();
            return AtomFeed.Write($"{graph.Config.Title}: new works", "feed.xml", "", newest, urls, Summary);
        };
        foreach (var researcher in graph.Researchers)
        {
            var folder = $"researchers/{researcher.Id}/";
            _routes[folder + "feed.xml"] = () => AtomFeed.Write($"{researcher.Name}: works", folder + "feed.xml", folder, researcher.Works, urls, Summary);
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
        _routes[".nojekyll"] = () => [];
    }

    private string Summary(Publication p)
    {
        var text = _views.AbstractText(p);
        return text.Length > 600 ? text[..597] + "…" : text;
    }
}
