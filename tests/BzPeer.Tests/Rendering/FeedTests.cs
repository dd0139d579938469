using System.Text;
using System.Xml.Linq;
using BzPeer.Tests.Support;

namespace BzPeer.Tests.Rendering;

/// <summary>A researcher's feed carries their newest works; the profile and cite.bib keep every one.</summary>
public sealed class FeedTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public void A_prolific_researchers_feed_holds_the_fifty_newest_works_and_the_profile_all_of_them()
    {
        var files = new StringBuilder("""
            -- content/researchers/ada.md --
            ---
            name: "Ada Lovelace"
            ---

            """);
        // 53 works, one a year from 1950: the three oldest fall out of the feed.
        for (var year = 1950; year < 2003; year++)
        {
            files.Append($"""
                -- content/publications/work-{year}.md --
                ---
                title: "Work of {year}"
                year: {year}
                authors: ["ada"]
                ---
                Abstract of {year}.

                """);
        }

        using var site = TestSite.Create(files.ToString());
        Assert.True(site.Build().Succeeded);

        var entries = XDocument.Parse(site.Read("researchers/ada/feed.xml")).Root!.Elements(Atom + "entry").ToList();
        Assert.Equal(50, entries.Count);
        Assert.Equal("Work of 2002", entries[0].Element(Atom + "title")!.Value);
        Assert.Equal("Work of 1953", entries[^1].Element(Atom + "title")!.Value);
        // The build renders the feed right after the profile, from the abstracts the profile parsed: each entry
        // still carries its own work's abstract.
        Assert.Equal(Enumerable.Range(1953, 50).Reverse().Select(year => $"Abstract of {year}."),
            entries.Select(e => e.Element(Atom + "summary")!.Value));

        var profile = BuiltSite.Page(site, "researchers/ada/index.html");
        Assert.Equal(53, profile.QuerySelectorAll("li.work").Length);
        Assert.Equal(53, site.Read("researchers/ada/cite.bib").Split('\n').Count(l => l.StartsWith('@')));
        var siteFeed = XDocument.Parse(site.Read("feed.xml")).Root!.Elements(Atom + "entry").ToList();
        Assert.Equal(50, siteFeed.Count);
    }

    [Fact]
    public void Control_characters_in_names_and_titles_become_replacement_characters_in_the_feeds()
    {
        // One by a YAML escape, one written raw in the file (what the fuzz test found: the feed writer threw on it).
        using var site = TestSite.Create("-- content/researchers/ada.md --\n---\nname: \"Ada \\x02Lovelace\"\n---\n" +
            "-- content/publications/notes.md --\n---\ntitle: \"Notes \u001b[31m\"\nyear: 1843\nauthors: [\"ada\"]\n---\nAn \u0007abstract.\n");
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Sorted()));

        foreach (var feed in new[] { "researchers/ada/feed.xml", "feed.xml" })
        {
            var entry = Assert.Single(XDocument.Parse(site.Read(feed)).Root!.Elements(Atom + "entry"));
            Assert.Equal("Notes \uFFFD[31m", entry.Element(Atom + "title")!.Value);
            Assert.Equal("Ada \uFFFDLovelace", entry.Element(Atom + "author")!.Element(Atom + "name")!.Value);
            Assert.Equal("An \uFFFDabstract.", entry.Element(Atom + "summary")!.Value);
        }

        Assert.StartsWith("Ada \uFFFDLovelace: works", XDocument.Parse(site.Read("researchers/ada/feed.xml")).Root!.Element(Atom + "title")!.Value, StringComparison.Ordinal);
    }
}
