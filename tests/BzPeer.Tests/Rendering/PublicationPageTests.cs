using System.Text.Json;
using AngleSharp.Html.Dom;
using BzPeer.Tests.Support;

namespace BzPeer.Tests.Rendering;

public sealed class PublicationPageTests : IClassFixture<DemoBuild>
{
    private readonly DemoBuild _demo;
    private readonly IHtmlDocument _page;

    public PublicationPageTests(DemoBuild demo)
    {
        _demo = demo;
        _page = BuiltSite.Page(demo.Site, "publications/parrot-icml-2020/index.html");
    }

    private IEnumerable<string> Meta(string name) =>
        _page.QuerySelectorAll($"meta[name='{name}']").Select(m => m.GetAttribute("content")!);

    [Fact]
    public void Google_scholar_meta_tags_are_present()
    {
        Assert.Equal(["An Imitation Learning Approach for Cache Replacement"], Meta("citation_title"));
        Assert.Equal(["Evan Zheran Liu", "Milad Hashemi", "Kevin Swersky", "Parthasarathy Ranganathan", "Junwhan Ahn"], Meta("citation_author"));
        Assert.Equal(["2020"], Meta("citation_publication_date"));
        Assert.Equal(["arXiv"], Meta("citation_journal_title"));
        Assert.Equal(["2006.16239"], Meta("citation_arxiv_id"));
    }

    [Fact]
    public void Json_ld_is_a_scholarly_article_with_its_authors()
    {
        var json = _page.QuerySelector("script[type='application/ld+json']")!.TextContent;
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal("ScholarlyArticle", root.GetProperty("@type").GetString());
        Assert.Equal("https://example.github.io/bzpeer/publications/parrot-icml-2020/", root.GetProperty("url").GetString());
        Assert.Equal(5, root.GetProperty("author").GetArrayLength());
        Assert.Equal("https://example.github.io/bzpeer/researchers/evan-zheran-liu/", root.GetProperty("author")[0].GetProperty("url").GetString());
        Assert.Equal("https://arxiv.org/abs/2006.16239", root.GetProperty("sameAs")[0].GetString());
    }

    [Fact]
    public void The_page_shows_title_authors_abstract_topics_identifiers_and_a_cite_box()
    {
        Assert.Equal("An Imitation Learning Approach for Cache Replacement", _page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Program execution speed critically depends", _page.QuerySelector(".prose")!.TextContent);
        Assert.Equal(["Hardware architecture", "Machine learning", "Statistical machine learning"],
            _page.QuerySelectorAll(".topics a").Select(a => a.TextContent));
        var arxiv = _page.QuerySelectorAll(".identifiers a").Single(a => a.TextContent == "2006.16239");
        Assert.Equal("https://arxiv.org/abs/2006.16239", arxiv.GetAttribute("href"));
        var bib = _page.QuerySelector("textarea.bibtex")!.TextContent;
        Assert.StartsWith("@misc{parrot-icml-2020,", bib);
        Assert.Contains("author = {Evan Zheran Liu and Milad Hashemi and Kevin Swersky and Parthasarathy Ranganathan and Junwhan Ahn}", bib);
        Assert.Equal(bib, _demo.Site.Read("publications/parrot-icml-2020/cite.bib"));
    }

    [Fact]
    public void Researcher_bibtex_lists_every_work()
    {
        var bib = _demo.Site.Read("researchers/milad-hashemi/cite.bib");
        Assert.Equal(6, bib.Split('\n').Count(l => l.StartsWith('@')));
    }

    [Fact]
    public void Feeds_sitemap_robots_search_and_404_exist()
    {
        var feed = System.Xml.Linq.XDocument.Parse(_demo.Site.Read("researchers/milad-hashemi/feed.xml"));
        Assert.Equal(6, feed.Root!.Elements("{http://www.w3.org/2005/Atom}entry").Count());
        var sitemap = System.Xml.Linq.XDocument.Parse(_demo.Site.Read("sitemap.xml"));
        var locations = sitemap.Descendants("{http://www.sitemaps.org/schemas/sitemap/0.9}loc").Select(l => l.Value).ToList();
        Assert.Contains("https://example.github.io/bzpeer/researchers/milad-hashemi/", locations);
        Assert.DoesNotContain(locations, l => l.Contains("/embed/"));
        Assert.Contains("Sitemap: https://example.github.io/bzpeer/sitemap.xml", _demo.Site.Read("robots.txt"));
        using var search = JsonDocument.Parse(_demo.Site.Read("search.json"));
        Assert.Contains(search.RootElement.GetProperty("items").EnumerateArray(), i => i[1].GetString() == "Milad Hashemi" && i[3].GetString() == "researchers/milad-hashemi/");
        var notFound = BuiltSite.Page(_demo.Site, "404.html");
        Assert.Equal("/bzpeer/assets/css/site.css", notFound.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href"));
    }
}
