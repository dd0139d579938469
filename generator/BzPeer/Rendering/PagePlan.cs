using BzPeer.Model;
using BzPeer.Rendering.Formats;
using BzPeer.Rendering.Views;

namespace BzPeer.Rendering;

/// <summary>One HTML page to render: where it goes, which template draws it, and how to make its model (lazily, to keep memory flat).</summary>
internal sealed record PlannedPage(string Url, string Template, string Layout, bool NoIndex, Func<PageModel> Model)
{
    public string Path => Url.Length == 0 || Url.EndsWith('/') ? Url + "index.html" : Url;

    /// <summary>How many works the page lists: a rough measure of its cost, so a build starts the longest pages first.</summary>
    public int Listed { get; init; }

    /// <summary>
    /// About how large the page's body will be, when it is one long list (0: unknown). Its buffer takes that size at
    /// once rather than growing to it: the large bench corpus's work index (33 MB) grew through arrays of 17, 26 and
    /// 38 MB, each on the large-object heap, which only a full collection empties.
    /// </summary>
    public int ExpectedBytes { get; init; }

    /// <summary>
    /// For a researcher's profile, the researcher's index in the graph (else -1): a build renders their feed right
    /// after the profile, on the same thread, so the feed reuses the abstracts the profile parsed (<see cref="SiteSession.RenderAll"/>).
    /// </summary>
    public int ProfileOf { get; init; } = -1;

    /// <summary>
    /// For a work's page, the work's index in the graph (else -1): a build renders it right after the last profile
    /// that lists the work, while that profile's rendering of its abstract is still held (<see cref="AbstractCache"/>).
    /// </summary>
    public int PublicationOf { get; init; } = -1;

    /// <summary>A compact work item in a list page (type, year, venue, title, authors): 650-700 bytes on the bench corpora.</summary>
    internal const int BytesPerListItem = 720;
}

/// <summary>The routes of SPEC §4: every HTML page of the site and the template that draws it.</summary>
internal static class PagePlan
{
    private const string Base = "layouts/base.html";
    private const string EmbedLayout = "layouts/embed.html";

    public static IReadOnlyList<PlannedPage> For(ContentGraph graph, ViewFactory v)
    {
        var pages = new List<PlannedPage>
        {
            new("", "pages/home.html", Base, false, () => Home(graph, v)),
            new("researchers/", "pages/researchers.html", Base, false, () => Researchers(graph, v)),
            new("publications/", "pages/publications.html", Base, false, () => Publications(graph, v))
            {
                Listed = graph.Publications.Count,
                ExpectedBytes = ListBytes(graph.Publications.Count),
            },
            new("topics/", "pages/index.html", Base, false, () => new IndexModel(v.Site,
                v.Page("Topics", "Research topics and the works on them.", "topics/", "topics"), "Topics", "Research topics and the works on them.",
                graph.Topics.OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => new CountedLink(t.Name, v.Urls.Page(t), t.Publications.Count)).ToList())),
            new("institutions/", "pages/index.html", Base, false, () => new IndexModel(v.Site,
                v.Page("Institutions", "Institutions and their researchers.", "institutions/", "institutions"), "Institutions", "Institutions and their researchers.",
                graph.Institutions.OrderBy(i => i.Name, StringComparer.Ordinal).Select(i => new CountedLink(i.Name, v.Urls.Page(i), i.Members.Count)).ToList())),
            new("explore/", "pages/explore.html", Base, false, () => new ExploreModel(v.Site,
                v.Page("Explore the research graph", "Every researcher, work, topic and institution of the site, and how they connect.", "explore/", "explore",
                    scripts: v.GraphScripts),
                v.Urls.Path("graph/graph.json"), v.NodeCount, v.EdgeCount)),
            new("claim/", "pages/claim.html", Base, false, () => new ClaimModel(v.Site,
                v.Page("Claim your profile", "How researchers claim their record and unlock direct collaboration.", "claim/", "claim"),
                graph.Config.Repo, graph.Config.Branch)),
            new("404.html", "pages/404.html", Base, true, () => new NotFoundModel(v.Site, v.Page("Page not found", "", "404.html", "notfound", noIndex: true))),
        };

        for (var r = 0; r < graph.Researchers.Count; r++)
        {
            var researcher = graph.Researchers[r];
            var url = researcher.Url;
            pages.Add(new(url, "pages/researcher.html", Base, false, () => new ProfileModel(v.Site,
                v.Page(researcher.Name, researcher.Record.Summary ?? $"{researcher.Name}: {researcher.Works.Count} works.", url, "researchers",
                    jsonLd: JsonLd.Researcher(researcher, v.Urls), scripts: v.GraphScripts,
                    feeds: [new FeedLink($"{researcher.Name}: works", v.Urls.Path(url + "feed.xml"))]),
                v.Profile(researcher))) { Listed = researcher.Works.Count, ProfileOf = r });
            pages.Add(new(url + "trust/", "pages/trust.html", Base, false, () => Trust(graph, v, researcher)));
        }

        for (var p = 0; p < graph.Publications.Count; p++)
        {
            var publication = graph.Publications[p];
            var url = publication.Url;
            pages.Add(new(url, "pages/publication.html", Base, false, () =>
            {
                var abstractText = v.AbstractText(publication);
                return new PublicationModel(v.Site,
                    v.Page(publication.Title, abstractText.Length > 0 ? abstractText : $"{publication.Title} ({publication.Year}).", url, "publications",
                        meta: ScholarMeta.For(publication, v.Urls), jsonLd: JsonLd.Publication(publication, v.Urls, abstractText), scripts: v.GraphScripts),
                    v.Publication(publication));
            }) { PublicationOf = p });
        }

        foreach (var topic in graph.Topics)
        {
            pages.Add(new(topic.Url, "pages/topic.html", Base, false, () => new TopicModel(v.Site,
                v.Page(topic.Name, MarkdownRenderer.ToPlainText(topic.Record) is { Length: > 0 } d ? d : $"Works on {topic.Name}.", topic.Url, "topics",
                    scripts: v.GraphScripts),
                topic.Id, topic.Name, MarkdownRenderer.ToHtml(topic.Record),
                TopicResearchers(topic, v), topic.Publications.Select(v.Item).ToList(), v.GraphPanel(topic)))
            {
                Listed = topic.Publications.Count,
                ExpectedBytes = ListBytes(topic.Publications.Count),
            });
        }

        foreach (var institution in graph.Institutions)
        {
            pages.Add(new(institution.Url, "pages/institution.html", Base, false, () => new InstitutionModel(v.Site,
                v.Page(institution.Name, $"Researchers and works of {institution.Name}.", institution.Url, "institutions",
                    jsonLd: JsonLd.Institution(institution, v.Urls), scripts: v.GraphScripts),
                institution.Id, institution.Name, institution.Record?.Country, institution.Record?.Url, institution.Record?.Ror,
                MarkdownRenderer.ToHtml(institution.Record?.Body),
                institution.Members.Select(v.Card).ToList(),
                institution.Members.SelectMany(m => m.Works).Distinct().Order(Comparer<Publication>.Create(Publication.NewestFirst)).Take(50).Select(v.Item).ToList(),
                v.GraphPanel(institution))) { Listed = 50 });
        }

        // Embeds for the entities whose pages offer "Embed this graph": people, topics, institutions.
        foreach (var entity in graph.Researchers.Cast<Entity>().Concat(graph.Topics).Concat(graph.Institutions))
        {
            var url = SiteUrls.EmbedRelative(entity);
            pages.Add(new(url, "pages/embed.html", EmbedLayout, true, () => new EmbedModel(v.Site,
                v.Page($"Research graph: {entity.Name}", $"The research graph around {entity.Name}.", url, "embed", scripts: v.GraphScripts, noIndex: true),
                entity.Name, v.Urls.Absolute(entity.Url!), v.GraphPanel(entity, nearby: false))));
        }

        return pages;
    }

    private static int ListBytes(int items) => (int)Math.Min(int.MaxValue / 2, (long)items * PlannedPage.BytesPerListItem);

    private static HomeModel Home(ContentGraph graph, ViewFactory v)
    {
        var researchers = graph.Researchers
            .OrderByDescending(r => r.Works.Count).ThenBy(r => r.Name, StringComparer.Ordinal)
            .Take(12).Select(v.Card).ToList();
        var recent = graph.Publications.Order(Comparer<Publication>.Create(Publication.NewestFirst)).Take(10).Select(v.Item).ToList();
        var description = graph.Config.Description.Length > 0 ? graph.Config.Description : "Researcher profiles, publications and the research graph that connects them.";
        return new HomeModel(v.Site, v.Page(graph.Config.Title, description, "", "home"),
            researchers, graph.Researchers.Count, recent, graph.Publications.Count, graph.Topics.Count, graph.Institutions.Count,
            v.NodeCount, v.EdgeCount, v.Urls.Path("explore/"));
    }

    private static ResearchersModel Researchers(ContentGraph graph, ViewFactory v)
    {
        var groups = graph.Researchers
            .Select(r => (Key: SortKey(r.Name), Researcher: r))
            .OrderBy(x => x.Key, StringComparer.Ordinal).ThenBy(x => x.Researcher.Id, StringComparer.Ordinal)
            .GroupBy(x => x.Key.Length > 0 && x.Key[0] is >= 'a' and <= 'z' ? char.ToUpperInvariant(x.Key[0]).ToString() : "#")
            .OrderBy(g => g.Key == "#" ? "~" : g.Key, StringComparer.Ordinal)
            .Select(g => new LetterGroup(g.Key, g.Select(x => v.Card(x.Researcher)).ToList()))
            .ToList();
        return new ResearchersModel(v.Site, v.Page("Researchers", "Every researcher on this site, A to Z.", "researchers/", "researchers"), groups, graph.Researchers.Count);
    }

    /// <summary>A–Z by family name: the last word of the name, accents folded, then the full name.</summary>
    private static string SortKey(string name)
    {
        var key = Resolve.NameKey.Of(name);
        var space = key.LastIndexOf(' ');
        return space < 0 ? key : key[(space + 1)..] + " " + key;
    }

    private static PublicationsModel Publications(ContentGraph graph, ViewFactory v)
    {
        var items = graph.Publications.Order(Comparer<Publication>.Create(Publication.NewestFirst)).ToList();
        var years = items.GroupBy(p => p.Year).Select(g => new YearGroup(g.Key, g.Select(v.Item).ToList())).ToList();
        var types = items.GroupBy(p => p.Record.Type).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new TypeFilter(g.Key, ViewFactory.TypeLabel(g.Key), g.Count())).ToList();
        return new PublicationsModel(v.Site, v.Page("Publications", "Every work on this site by year.", "publications/", "publications"), years, types, items.Count);
    }

    private static TrustModel Trust(ContentGraph graph, ViewFactory v, Researcher researcher)
    {
        var trust = researcher.Figures.Trust;
        return new TrustModel(v.Site,
            v.Page($"How {researcher.Name}'s trust score is computed", $"Trust {trust.Score} - {trust.Tier}: each term of the score.", researcher.Url + "trust/", "researchers"),
            researcher.Name, v.Urls.Page(researcher)!, trust.Score, trust.Tier, researcher.Figures.Verification.ToString(), ViewFactory.Number(trust.Uncapped),
            v.TrustTerms(researcher), v.Tiers(researcher), graph.Config.CloseCollaboratorMinShared);
    }

    private static List<CountedLink> TopicResearchers(Topic topic, ViewFactory v) =>
        topic.Publications.SelectMany(p => p.Authors).OfType<Researcher>()
            .GroupBy(r => r)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Name, StringComparer.Ordinal)
            .Select(g => new CountedLink(g.Key.Name, v.Urls.Page(g.Key), g.Count()))
            .ToList();
}
