using System.Text;
using BzPeer.Diagnostics;
using BzPeer.Model;
using BzPeer.Rendering;
using BzPeer.Tests.Support;

namespace BzPeer.Tests.Rendering;

/// <summary>
/// A build holds each rendered abstract from the first page that prints it to the last (<see cref="AbstractCache"/>)
/// and renders a work's page right after the last profile that lists it. Pages must come out exactly as when every
/// print renders its own.
/// </summary>
public sealed class AbstractCacheTests
{
    private const string Site = """
        -- content/researchers/ada.md --
        ---
        name: "Ada Lovelace"
        ---
        -- content/researchers/bob.md --
        ---
        name: "Bob Kahn"
        ---
        -- content/researchers/cy.md --
        ---
        name: "Cy Young"
        ---
        -- content/publications/shared-2001.md --
        ---
        title: "Shared work"
        year: 2001
        authors: ["ada", "bob", "cy", "Dana External"]
        ---
        The *shared* abstract, with [a link](https://example.org/a) & an ampersand: Zoë.
        -- content/publications/alone-2002.md --
        ---
        title: "Ada alone"
        year: 2002
        authors: ["ada"]
        ---
        Ada's **own** abstract.

        A second paragraph.
        -- content/publications/outside-2003.md --
        ---
        title: "Nobody with a profile"
        year: 2003
        authors: ["Dana External"]
        ---
        Only its own page shows this.
        -- content/publications/blank-2004.md --
        ---
        title: "No abstract"
        year: 2004
        authors: ["bob", "cy"]
        ---
        """;

    [Fact]
    public void A_build_renders_every_file_as_a_page_rendered_on_its_own_does()
    {
        using var site = TestSite.Create(Site);
        // SiteBuilder.Render is a build's RenderAll kept in memory.
        var rendered = SiteBuilder.Render(new BuildOptions { SiteDirectory = site.Root });
        Assert.True(rendered.Succeeded);
        var built = rendered.Files.ToDictionary(f => f.Path, f => f.Content.ToArray(), StringComparer.Ordinal);

        var alone = Session(site);
        Assert.NotEmpty(built);
        foreach (var (path, bytes) in built)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(alone.Render(path)), path);
        }

        const string Shared = "<p>The <em>shared</em> abstract, with <a href=\"https://example.org/a\">a link</a> &amp; an ampersand: Zoë.</p>";
        foreach (var path in new[] { "publications/shared-2001/index.html", "researchers/ada/index.html", "researchers/bob/index.html", "researchers/cy/index.html" })
        {
            Assert.Contains(Shared, Encoding.UTF8.GetString(built[path]), StringComparison.Ordinal);
        }

        foreach (var feed in new[] { "researchers/ada/feed.xml", "researchers/bob/feed.xml", "researchers/cy/feed.xml" })
        {
            Assert.Contains("<summary>The shared abstract, with a link &amp; an ampersand: Zoë.</summary>", Encoding.UTF8.GetString(built[feed]), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_works_page_comes_after_every_profile_that_lists_it()
    {
        using var site = TestSite.Create(Site);
        var order = Session(site).RenderOrder().ToList();
        int At(string path) => order.IndexOf(path) is >= 0 and var at ? at : throw new InvalidOperationException(path);

        foreach (var (work, authors) in new[] { ("shared-2001", new[] { "ada", "bob", "cy" }), ("alone-2002", ["ada"]), ("blank-2004", ["bob", "cy"]) })
        {
            var page = At($"publications/{work}/index.html");
            var lastProfile = authors.Max(a => At($"researchers/{a}/index.html"));
            Assert.True(page > lastProfile, work);
            // Right after it, with only other works' pages moved there in between.
            Assert.All(order.Skip(lastProfile + 1).Take(page - lastProfile - 1),
                p => Assert.Matches("^publications/[^/]+/index.html$", p));
        }

        Assert.Contains("publications/outside-2003/index.html", order);
        Assert.Equal(order.Count, order.Distinct().Count());
    }

    [Fact]
    public void An_abstract_is_held_until_its_last_expected_print_and_only_for_its_record()
    {
        using var site = TestSite.Create(Site);
        var graph = Resolve(site);
        var shared = graph.Publications.Single(p => p.Id == "shared-2001");
        var alone = graph.Publications.Single(p => p.Id == "alone-2002");
        var expected = new int[graph.EntityCount];
        expected[shared.Ordinal] = 3;
        expected[alone.Ordinal] = 1;
        var cache = new AbstractCache(graph.EntityCount, expected);

        cache.KeepHtml(shared, "<p>x</p>"u8);
        cache.KeepText(shared, "x");
        cache.KeepHtml(alone, "<p>y</p>"u8);
        Assert.Equal("<p>x</p>"u8.ToArray(), cache.Html(shared));
        Assert.Equal("x", cache.Text(shared));
        // Its one print is the one under way: nothing later would read it.
        Assert.Null(cache.Html(alone));

        cache.Printed(shared);
        cache.Printed(shared);
        Assert.Equal("x", cache.Text(shared));
        cache.Printed(shared);
        Assert.Null(cache.Html(shared));
        Assert.Null(cache.Text(shared));
        cache.KeepText(shared, "late");
        Assert.Null(cache.Text(shared));

        // A record swapped in (serve) is never shown what its predecessor left.
        expected[alone.Ordinal] = 2;
        cache.KeepText(alone, "old");
        alone.Replace(alone.Record with { Body = "new" });
        Assert.Null(cache.Text(alone));
    }

    private static ContentGraph Resolve(TestSite site)
    {
        var checkedSite = site.Check();
        Assert.True(checkedSite.Succeeded);
        return checkedSite.Graph!;
    }

    private static SiteSession Session(TestSite site) =>
        SiteSession.Create(Resolve(site), site.Root, new DiagnosticBag()) ?? throw new InvalidOperationException("The templates do not parse.");
}
