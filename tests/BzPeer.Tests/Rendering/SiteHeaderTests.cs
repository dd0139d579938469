using BzPeer.Tests.Support;

namespace BzPeer.Tests.Rendering;

/// <summary>
/// The base layout includes the site header cached per section (<c>include_cached … page.section</c>): every page
/// must still mark its own section in the navigation, and the footer is the same everywhere.
/// </summary>
public sealed class SiteHeaderTests
{
    [Fact]
    public void Each_page_marks_its_own_section_in_the_cached_header()
    {
        using var site = TestSite.Create("""
            -- content/researchers/ada.md --
            ---
            name: "Ada Lovelace"
            ---
            -- content/publications/engine-1843.md --
            ---
            title: "Notes on the engine"
            year: 1843
            authors: ["ada"]
            topics: [computing]
            ---
            """);
        Assert.True(site.Build().Succeeded);

        // Pages of one section in a row and the others in between, so a cache keyed wrongly shows on one of them.
        var expected = new (string Page, string? Current)[]
        {
            ("researchers/ada/index.html", "Researchers"),
            ("publications/engine-1843/index.html", "Publications"),
            ("researchers/index.html", "Researchers"),
            ("topics/computing/index.html", "Topics"),
            ("publications/index.html", "Publications"),
            ("explore/index.html", "Explore"),
            ("index.html", null),
        };
        var footers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (page, current) in expected)
        {
            var document = BuiltSite.Page(site, page);
            var marked = document.QuerySelectorAll(".site-nav a[aria-current=page]").Select(a => a.TextContent).ToList();
            Assert.Equal(current is null ? [] : [current], marked);
            Assert.Equal(5, document.QuerySelectorAll(".site-nav a").Length);
            footers.Add(document.QuerySelector(".site-footer")!.OuterHtml);
        }

        Assert.Single(footers);
    }
}
