using BzPeer.Serve;
using BzPeer.Tests.Support;

namespace BzPeer.Tests.Serve;

/// <summary>
/// serve looks files up in a table from path to route, which a build never makes (it renders its routes by kind and
/// index): the two must agree on every path and every byte.
/// </summary>
public sealed class PreviewRoutesTests
{
    private const string BaseUrl = "https://example.org/bzpeer/";

    [Fact]
    public void Serve_has_exactly_the_files_a_build_writes_with_the_same_bytes()
    {
        using var site = TestSite.Demo();
        Assert.True(site.Build(baseUrl: BaseUrl).Succeeded);
        var built = BuiltSite.Snapshot(site.Output);
        var preview = new PreviewSite(site.Root, BaseUrl);

        Assert.Equal(built.Count, preview.LastReport.Routes);
        var differing = built.Where(file => preview.Get(file.Key) is not { } served || !served.AsSpan().SequenceEqual(file.Value))
            .Select(file => file.Key).ToList();
        Assert.Empty(differing);
        // Every kind of route is among them: pages, feeds, bibliographies, slices, the full graph, assets, site files.
        foreach (var path in new[]
                 {
                     "index.html", "feed.xml", "researchers/milad-hashemi/feed.xml", "researchers/milad-hashemi/cite.bib",
                     "publications/apollo-2021/cite.bib", "graph/publications/apollo-2021.json", "graph/graph.json",
                     "search.json", "sitemap.xml", "robots.txt", ".nojekyll", "assets/css/site.css",
                 })
        {
            Assert.True(built.ContainsKey(path), path);
        }

        Assert.Null(preview.Get("researchers/milad-hashemi/missing.xml"));
    }
}
