using System.Collections.Concurrent;
using System.Text;
using BzPeer.Diagnostics;
using BzPeer.Graph;
using BzPeer.Model;
using BzPeer.Output;
using BzPeer.Rendering.Formats;
using BzPeer.Rendering.Views;

namespace BzPeer.Rendering;

/// <summary>
/// Stage 4 of a build: the graph JSON, every page of SPEC §4, feeds, indexes and theme assets, rendered in
/// parallel into memory. Output paths are site-relative; the write stage puts them on disk.
/// </summary>
internal static class SiteRenderer
{
    public static IReadOnlyList<OutputFile> Render(ContentGraph graph, string siteDirectory, DiagnosticBag diagnostics, StageClock clock)
    {
        var engine = new TemplateEngine(siteDirectory, diagnostics);
        if (!clock.Time("templates", engine.Validate))
        {
            return [];
        }

        var urls = new SiteUrls(graph.Config);
        var graphOutput = clock.Time("graph", () => GraphStage.Build(graph));
        var views = new ViewFactory(graph, urls, graphOutput);
        var pages = PagePlan.For(graph, views, graphOutput);
        var files = new ConcurrentBag<OutputFile>();
        clock.Time("render", () =>
        {
            Parallel.ForEach(pages, page =>
            {
                if (RenderPage(engine, page) is { } html)
                {
                    files.Add(new OutputFile(page.Path, Encoding.UTF8.GetBytes(html)));
                }
            });
            foreach (var file in OtherFiles(graph, urls, pages))
            {
                files.Add(file);
            }

            return 0;
        });

        var assets = clock.Time("assets", () => ThemeAssets.Collect(siteDirectory, diagnostics));
        var all = files.Concat(graphOutput.Files).Concat(assets).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        return all;
    }

    private static string? RenderPage(TemplateEngine engine, PlannedPage page)
    {
        var model = page.Model();
        var body = engine.Render(page.Template, model);
        if (body is null)
        {
            return null;
        }

        return engine.Render(page.Layout, new LayoutModel(model.Site, model.Page, new RawHtml(body)));
    }

    private static IEnumerable<OutputFile> OtherFiles(ContentGraph graph, SiteUrls urls, IReadOnlyList<PlannedPage> pages)
    {
        var newest = graph.Publications.OrderBy(p => p, Comparer<Publication>.Create(Publication.NewestFirst)).Take(50).ToList();
        yield return new OutputFile("feed.xml", AtomFeed.Write($"{graph.Config.Title}: new works", "feed.xml", "", newest, urls, Summary));
        foreach (var researcher in graph.Researchers)
        {
            var folder = $"researchers/{researcher.Id}/";
            yield return new OutputFile(folder + "feed.xml",
                AtomFeed.Write($"{researcher.Name}: works", folder + "feed.xml", folder, researcher.Works, urls, Summary));
            yield return new OutputFile(folder + "cite.bib", Encoding.UTF8.GetBytes(BibTex.Entries(researcher.Works)));
        }

        foreach (var publication in graph.Publications)
        {
            yield return new OutputFile($"publications/{publication.Id}/cite.bib", Encoding.UTF8.GetBytes(BibTex.Entry(publication)));
        }

        yield return new OutputFile("search.json", SearchIndex.Write(graph));
        yield return new OutputFile("sitemap.xml", Sitemap.Write(pages.Where(p => !p.NoIndex).Select(p => p.Url), urls));
        yield return new OutputFile("robots.txt", Sitemap.Robots(urls));
        // GitHub Pages would otherwise run Jekyll over the output and drop files starting with '_'.
        yield return new OutputFile(".nojekyll", ReadOnlyMemory<byte>.Empty);

        static string Summary(Publication p) => MarkdownRenderer.ToPlainText(p.Record.Body) is { Length: > 600 } text ? text[..597] + "…" : MarkdownRenderer.ToPlainText(p.Record.Body);
    }
}
