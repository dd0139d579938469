using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using BzPeer.Tests.Support;

namespace BzPeer.Tests.Rendering;

/// <summary>The reference researcher's profile on the demo site: every section of the reference page, in order.</summary>
public sealed class ProfilePageTests : IClassFixture<DemoBuild>
{
    private readonly DemoBuild _demo;
    private readonly IHtmlDocument _page;

    public ProfilePageTests(DemoBuild demo)
    {
        _demo = demo;
        _page = BuiltSite.Page(demo.Site, "researchers/milad-hashemi/index.html");
    }

    private static string Text(IElement? element) => string.Join(' ', (element?.TextContent ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void Sections_follow_the_reference_page_order()
    {
        var headings = _page.QuerySelectorAll("article.profile > section > h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Trust snapshot", "Actions", "Identity and collaboration", "Research graph", "Close collaborators", "Published work"], headings);
        Assert.Single(_page.QuerySelectorAll("h1"));
    }

    [Fact]
    public void Header_shows_name_summary_role_affiliation_and_badge()
    {
        var header = _page.QuerySelector(".profile-header")!;
        Assert.Equal("Milad Hashemi", Text(header.QuerySelector("h1")));
        Assert.Equal("Milad Hashemi contributes to research discovery and scholarly infrastructure.", Text(header.QuerySelector(".summary")));
        Assert.Equal("Researcher", Text(header.QuerySelector(".badge-role")));
        Assert.Equal("Affiliation not imported", Text(header.QuerySelector(".badge-affiliation")));
        Assert.Equal("Open to collaborate", Text(header.QuerySelector(".badge-open")));
    }

    [Fact]
    public void Trust_snapshot_shows_score_tier_verification_claim_and_counts()
    {
        var trust = _page.QuerySelector("section.trust")!;
        Assert.Equal(["Trust 25 - Emerging", "Verification L1", "Unclaimed author"], trust.QuerySelectorAll(".pill").Select(Text));
        var stats = trust.QuerySelectorAll("dl.stats > div").Select(d => $"{Text(d.QuerySelector("dd"))} {Text(d.QuerySelector("dt"))}");
        Assert.Equal(["6 works", "0 followers", "5 topics", "6 close collaborators"], stats);
        var how = trust.QuerySelectorAll("a").Single(a => a.TextContent == "How this is computed");
        Assert.Equal("/bzpeer/researchers/milad-hashemi/trust/", how.GetAttribute("href"));
    }

    [Fact]
    public void Follow_is_the_researchers_atom_feed_with_the_followers_count()
    {
        var follow = _page.QuerySelectorAll("section.actions a").Single(a => a.TextContent.Contains("Follow researcher"));
        Assert.Equal("/bzpeer/researchers/milad-hashemi/feed.xml", follow.GetAttribute("href"));
        Assert.Equal("0", Text(follow.QuerySelector(".count")));
    }

    [Fact]
    public void Identity_offers_the_claim_flow_and_locks_direct_invitations_until_claimed()
    {
        var identity = _page.QuerySelector("section.identity")!;
        var claim = identity.QuerySelectorAll("a").Single(a => a.TextContent == "Claim this record");
        Assert.Equal("https://github.com/example/bzpeer/edit/main/content/researchers/milad-hashemi.md", claim.GetAttribute("href"));
        Assert.Contains("Claim this author entity first to unlock direct invitations.", identity.TextContent);
        Assert.Equal("/bzpeer/claim/", identity.QuerySelectorAll("a").Single(a => a.TextContent == "How claiming works").GetAttribute("href"));
    }

    [Fact]
    public void Research_graph_has_the_slice_container_a_no_script_list_and_the_explorer_link()
    {
        var section = _page.QuerySelector("section.graph-section")!;
        Assert.Contains("See the researcher in context", section.TextContent);
        var graph = section.QuerySelector(".bz-graph")!;
        Assert.Equal("/bzpeer/graph/researchers/milad-hashemi.json", graph.GetAttribute("data-graph-src"));
        Assert.Equal("r:milad-hashemi", graph.GetAttribute("data-graph-focus"));
        var groups = section.QuerySelectorAll(".nearby-group h4").Select(h => h.FirstChild!.TextContent.Trim()).ToList();
        Assert.Equal(["Papers", "People", "Topics", "Institutions"], groups);
        Assert.Equal(6, section.QuerySelectorAll(".nearby-publication li").Length);
        Assert.Contains(section.QuerySelectorAll(".nearby-person a"), a => a.TextContent == "Kevin Swersky" && a.GetAttribute("href") == "/bzpeer/researchers/kevin-swersky/");
        Assert.Equal("/bzpeer/explore/#node=r%3Amilad-hashemi", section.QuerySelectorAll("a").Single(a => a.TextContent == "Open full explorer").GetAttribute("href"));
    }

    [Fact]
    public void Published_work_lists_each_item_with_type_year_venue_link_abstract_and_authors()
    {
        var works = _page.QuerySelector("section.works")!;
        Assert.Contains("6 published item(s)", works.TextContent);
        var items = works.QuerySelectorAll("li.work");
        Assert.Equal(6, items.Length);
        var first = items[0];
        Assert.Equal("preprint 2022 arXiv", Text(first.QuerySelector(".work-meta")));
        var titles = items.Select(i => Text(i.QuerySelector(".work-title a"))).ToList();
        Assert.Equal("Analyzing a Caching Model", titles[0]);
        Assert.Equal("Learning Execution through Neural Code Fusion", titles[^1]);
        Assert.All(items, i => Assert.NotNull(i.QuerySelector("details.abstract > summary")));
        var authors = first.QuerySelectorAll(".authors > *");
        Assert.Contains(authors, a => a.LocalName == "a" && a.TextContent == "Evan Zheran Liu" && a.GetAttribute("href") == "/bzpeer/researchers/evan-zheran-liu/");
        Assert.Contains(authors, a => a.LocalName == "span" && a.TextContent == "Leon Sixt");
        Assert.NotNull(works.QuerySelector("svg.works-chart[role=img]"));
        Assert.Equal(3, works.QuerySelectorAll("svg.works-chart rect.bar").Length);
    }

    [Fact]
    public void Close_collaborators_show_shared_work_counts()
    {
        var items = _page.QuerySelectorAll("section.collaborators li").Select(Text).ToList();
        Assert.Equal("Kevin Swersky 5 shared works", items[0]);
        Assert.Equal(6, items.Count);
    }

    [Fact]
    public void The_profile_carries_person_json_ld_and_a_csp_first_in_head()
    {
        var head = _page.Head!;
        var first = head.FirstElementChild!;
        Assert.Equal("Content-Security-Policy", first.GetAttribute("http-equiv"));
        Assert.Contains("script-src 'self'", first.GetAttribute("content"));
        var json = head.QuerySelector("script[type='application/ld+json']")!.TextContent;
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal("Person", doc.RootElement.GetProperty("@type").GetString());
        Assert.Equal("Milad Hashemi", doc.RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public void The_trust_page_shows_each_term()
    {
        var page = BuiltSite.Page(_demo.Site, "researchers/milad-hashemi/trust/index.html");
        var rows = page.QuerySelectorAll("table.terms tbody tr");
        Assert.Equal(5, rows.Length);
        Assert.Contains("Verification", rows[0].TextContent);
        Assert.Equal("25", page.QuerySelector("table.terms tfoot td")!.TextContent);
    }
}

/// <summary>The demo site built once for a test class.</summary>
public sealed class DemoBuild : IDisposable
{
    public DemoBuild()
    {
        Site = TestSite.Demo();
        Result = Site.Build();
        Assert.True(Result.Succeeded, string.Join("\n", Result.Diagnostics.Sorted()));
    }

    public TestSite Site { get; }

    public BuildResult Result { get; }

    public void Dispose() => Site.Dispose();
}
