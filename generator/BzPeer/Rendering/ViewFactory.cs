using System.Globalization;
using System.Text;
using BzPeer.Configuration;
using BzPeer.Model;
using BzPeer.Rendering.Formats;
using BzPeer.Rendering.Views;

namespace BzPeer.Rendering;

/// <summary>Turns domain objects into the small view records templates see.</summary>
internal sealed class ViewFactory
{
    private static readonly Dictionary<string, string> TypeLabels = new(StringComparer.Ordinal)
    {
        ["article"] = "Article", ["preprint"] = "Preprint", ["conference"] = "Conference paper", ["book"] = "Book",
        ["chapter"] = "Book chapter", ["thesis"] = "Thesis", ["report"] = "Report", ["dataset"] = "Dataset",
        ["software"] = "Software", ["other"] = "Other",
    };

    private readonly ContentGraph _graph;
    private readonly SiteConfig _config;
    private readonly Func<Entity, IReadOnlyList<Entity>> _sliceOf;

    /// <summary>
    /// A work is listed on the pages of each of its authors, topics and institutions and in the indexes, and an
    /// entity is linked from every page near it: their views are immutable, so each is made once, in the slot of the
    /// entity's <see cref="Entity.Ordinal"/> (a large site looks up 1.5 million links for its nearby lists alone). Two
    /// threads may both make a missing view; either copy is the same.
    /// </summary>
    private readonly PublicationItemView?[] _items;
    private readonly LinkView?[] _links;

    /// <summary>Entities by name for the nearby lists: made when a page first needs it, updated when serve swaps a record in.</summary>
    private NameOrder? _names;

    public ViewFactory(ContentGraph graph, SiteUrls urls, Func<Entity, IReadOnlyList<Entity>> sliceOf, int nodeCount, int edgeCount)
    {
        _graph = graph;
        _config = graph.Config;
        Urls = urls;
        _sliceOf = sliceOf;
        _items = new PublicationItemView?[graph.EntityCount];
        _links = new LinkView?[graph.EntityCount];
        NodeCount = nodeCount;
        EdgeCount = edgeCount;
        Site = new SiteView(
            _config.Title, _config.Description, urls.BasePath, _config.BaseUrl, _config.Language, _config.Repo, urls.Assets, BuildInfo.Version,
            urls.Path("search.json"), urls.Path("feed.xml"),
            [
                new("Researchers", urls.Path("researchers/"), "researchers"),
                new("Publications", urls.Path("publications/"), "publications"),
                new("Topics", urls.Path("topics/"), "topics"),
                new("Institutions", urls.Path("institutions/"), "institutions"),
                new("Explore", urls.Path("explore/"), "explore"),
            ]);
    }

    public SiteUrls Urls { get; }

    public int NodeCount { get; }

    public int EdgeCount { get; }

    public SiteView Site { get; }

    public static string TypeLabel(string type) => TypeLabels.GetValueOrDefault(type, type);

    public PageView Page(string title, string description, string relative, string section, IReadOnlyList<MetaTag>? meta = null,
        RawHtml? jsonLd = null, IReadOnlyList<string>? scripts = null, IReadOnlyList<FeedLink>? feeds = null, bool noIndex = false)
    {
        var allScripts = new List<string> { Urls.Path("assets/js/site.js") };
        allScripts.AddRange(scripts ?? []);
        var allFeeds = new List<FeedLink> { new($"{_config.Title}: new works", Urls.Path("feed.xml")) };
        allFeeds.AddRange(feeds ?? []);
        meta ??= [];
        return new PageView(title, Shorten(description, 200), Urls.Absolute(relative), section, meta, jsonLd ?? RawHtml.Empty, allScripts, allFeeds, noIndex)
        {
            MetaHtml = MetaHtml(meta),
        };
    }

    public IReadOnlyList<string> GraphScripts => [Urls.Path("assets/vendor/d3/d3.min.js"), Urls.Path("assets/js/graph.js")];

    public LinkView Link(Entity entity) => _links[entity.Ordinal] ??= NewLink(entity);

    public PublicationItemView Item(Publication publication) => _items[publication.Ordinal] ??= NewItem(publication);

    private LinkView NewLink(Entity entity) => new(entity.Name, Urls.Page(entity));

    private PublicationItemView NewItem(Publication publication)
    {
        var authors = publication.Authors.Select(Link).ToList();
        return new(
            publication.Id,
            publication.Title,
            Link(publication).Url!,
            publication.Record.Type,
            TypeLabel(publication.Record.Type),
            publication.Year,
            publication.Record.Venue,
            authors,
            Abstract(publication),
            publication.Topics.Select(Link).ToList())
        {
            AuthorsHtml = AuthorsHtml(authors),
        };
    }

    /// <summary>
    /// Meta tags as the built-in layout prints them. A work's page carries a Google Scholar tag per author: a loop of
    /// the same shape as its author list, which was measured (docs/performance.md, session 16); this one was not
    /// timed on its own.
    /// </summary>
    internal static RawHtml MetaHtml(IReadOnlyList<MetaTag> meta) => RawHtml.Deferred(meta, RenderMeta, meta.Count == 0);

    private static readonly Action<object, PageBuffer> RenderMeta = static (meta, html) =>
    {
        foreach (var tag in (IReadOnlyList<MetaTag>)meta)
        {
            html.Write("<meta name=\"");
            html.Write(Html.Escape(tag.Name));
            html.Write("\" content=\"");
            html.Write(Html.Escape(tag.Content));
            html.Write("\">\n");
        }
    };

    /// <summary>
    /// An author list as the built-in templates print it: comma-separated, each author linked to their profile or,
    /// without one, in a <c>span.external-author</c>; names and URLs escaped. Made when printed, not held. A work's
    /// page and each listing of it print its authors; as a template loop (several Scriban statements per author)
    /// that was about a tenth of a publication page's render time (docs/performance.md, session 16).
    /// </summary>
    internal static RawHtml AuthorsHtml(IReadOnlyList<LinkView> authors) => RawHtml.Deferred(authors, RenderAuthors, authors.Count == 0);

    private static readonly Action<object, PageBuffer> RenderAuthors = static (authors, html) =>
    {
        var list = (IReadOnlyList<LinkView>)authors;
        for (var i = 0; i < list.Count; i++)
        {
            if (i > 0)
            {
                html.Write(", ");
            }

            WriteLink(html, list[i], "external-author");
        }
    };

    /// <summary>
    /// A name linked to its page, escaped; without a page, the name as text, in a span of <paramref name="textClass"/>
    /// when one is given. What the built-in templates' <c>{{ if x.url }}&lt;a …&gt;{{ else }}…{{ end }}</c> printed.
    /// </summary>
    private static void WriteLink(PageBuffer html, LinkView link, string? textClass)
    {
        if (!string.IsNullOrEmpty(link.Url))
        {
            html.Write("<a href=\"");
            html.Write(Html.Escape(link.Url));
            html.Write("\">");
            html.Write(Html.Escape(link.Name));
            html.Write("</a>");
        }
        else if (textClass is null)
        {
            html.Write(Html.Escape(link.Name));
        }
        else
        {
            html.Write("<span class=\"");
            html.Write(textClass);
            html.Write("\">");
            html.Write(Html.Escape(link.Name));
            html.Write("</span>");
        }
    }

    /// <summary>
    /// The abstract, rendered from its Markdown when a page prints it (its work's page, its authors' profiles): see
    /// <see cref="RawHtml.Deferred"/>. During a build's render an earlier print may have left it (<see cref="HoldAbstracts"/>).
    /// It reads the record current when it is printed.
    /// </summary>
    public RawHtml Abstract(Publication publication) =>
        RawHtml.Deferred(publication, _writeAbstract ??= WriteAbstract, string.IsNullOrWhiteSpace(publication.Record.Body));

    private Action<object, PageBuffer>? _writeAbstract;

    private void WriteAbstract(object work, PageBuffer html)
    {
        var publication = (Publication)work;
        var cache = _abstracts;
        if (cache?.Html(publication) is { } kept)
        {
            html.Append(kept);
            return;
        }

        var keep = cache is not null && cache.Wants(publication);
        var start = keep ? html.Utf8.Length : 0;
        MarkdownRenderer.WriteHtml(publication.Record, html);
        if (keep)
        {
            cache!.KeepHtml(publication, html.Utf8[start..]);
            // While its document is at hand: a later print may want only the text (a feed of the newest works, say).
            if (cache.Text(publication) is null)
            {
                cache.KeepText(publication, MarkdownRenderer.ToPlainText(publication.Record));
            }
        }
    }

    /// <summary>The abstract as plain text: page descriptions, JSON-LD and every feed the work appears in.</summary>
    public string AbstractText(Publication publication)
    {
        var cache = _abstracts;
        if (cache?.Text(publication) is { } kept)
        {
            return kept;
        }

        var text = MarkdownRenderer.ToPlainText(publication.Record);
        cache?.KeepText(publication, text);
        return text;
    }

    private AbstractCache? _abstracts;

    /// <summary>
    /// Until <see cref="ReleaseAbstracts"/>, abstracts are kept between the prints <paramref name="cache"/> expects
    /// (a build's render, which knows its pages); otherwise each print renders its own.
    /// </summary>
    public void HoldAbstracts(AbstractCache cache) => _abstracts = cache;

    public void ReleaseAbstracts() => _abstracts = null;

    /// <summary>One expected print of the work's abstract is done (see <see cref="AbstractCache.Printed"/>).</summary>
    public void AbstractPrinted(Publication publication) => _abstracts?.Printed(publication);

    /// <summary>Drops what was cached from a publication whose record was replaced (serve).</summary>
    public void Forget(Publication publication)
    {
        _items[publication.Ordinal] = null;
        _links[publication.Ordinal] = null;
        // The record may bring a new title.
        if (_names is { } names)
        {
            _names = names.Moved(publication);
        }
    }

    public ResearcherCardView Card(Researcher researcher) => new(
        researcher.Name,
        Urls.Page(researcher)!,
        researcher.Record.Summary,
        researcher.Affiliations.Count > 0 ? string.Join(", ", researcher.Affiliations.Select(a => a.Name)) : "Affiliation not imported",
        researcher.Works.Count);

    /// <summary>The graph section of a page; <paramref name="nearby"/> false skips the text lists (embeds do not show them).</summary>
    public GraphPanelView GraphPanel(Entity entity, bool nearby = true)
    {
        var members = _sliceOf(entity);
        var groups = !nearby ? [] : NearbyGroups(members, entity);
        // Publications have no embed page (see PagePlan): their graph box offers no embed code.
        var embeddable = entity.Kind is NodeKind.Researcher or NodeKind.Topic or NodeKind.Institution;
        var embedUrl = Urls.Absolute(SiteUrls.EmbedRelative(entity));
        var code = embeddable
            ? $"<iframe src=\"{embedUrl}\" title=\"Research graph: {entity.Name}\" width=\"600\" height=\"400\" loading=\"lazy\" style=\"border:0\"></iframe>"
            : "";
        return new GraphPanelView(
            Urls.Path(SiteUrls.SliceRelative(entity)),
            entity.NodeId,
            Urls.Path("explore/") + "#node=" + Uri.EscapeDataString(entity.NodeId),
            embeddable ? Urls.Path(SiteUrls.EmbedRelative(entity)) : "",
            code,
            members.Count,
            groups.Where(g => g.Items.Count > 0).ToList());
    }

    /// <summary>The slice's members by kind (researchers and external authors together), each group by name; one pass over the slice.</summary>
    private List<NearbyGroup> NearbyGroups(IReadOnlyList<Entity> members, Entity center)
    {
        List<Entity> papers = [], people = [], topics = [], institutions = [];
        foreach (var member in members)
        {
            var group = member.Kind switch
            {
                NodeKind.Publication => papers,
                NodeKind.Researcher or NodeKind.External => people,
                NodeKind.Topic => topics,
                NodeKind.Institution => institutions,
                _ => null,
            };
            if (!ReferenceEquals(member, center))
            {
                group?.Add(member);
            }
        }

        return [Nearby("Papers", "publication", papers), Nearby("People", "person", people),
            Nearby("Topics", "topic", topics), Nearby("Institutions", "institution", institutions)];
    }

    /// <summary>The members by name, as <c>OrderBy(m => m.Name, StringComparer.Ordinal)</c> of members in node order would sort them.</summary>
    private NearbyGroup Nearby(string label, string kind, List<Entity> members)
    {
        var ranks = LazyInitializer.EnsureInitialized(ref _names, () => NameOrder.Of(_graph)).Ranks;
        var sorted = members.ToArray();
        var keys = new int[sorted.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            keys[i] = ranks[sorted[i].Ordinal];
        }

        // Ranks are distinct, so this unstable sort has one answer.
        Array.Sort(keys, sorted);
        var items = new LinkView[sorted.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            items[i] = Link(sorted[i]);
        }

        return new(label, kind, items, RawHtml.Deferred(items, RenderNearbyItems, items.Length == 0));
    }

    private static readonly Action<object, PageBuffer> RenderNearbyItems = static (items, html) =>
    {
        // What the built-in graph panel's loop printed for each item, less the blank line it left between them (see NearbyGroup).
        foreach (var item in (IReadOnlyList<LinkView>)items)
        {
            html.Write("\n      <li>");
            WriteLink(html, item, textClass: null);
            html.Write("</li>");
        }
    };

    public ProfileView Profile(Researcher researcher)
    {
        var record = researcher.Record;
        var figures = researcher.Figures;
        var contact = record.Claimed && record.OpenToCollaborate ? record.Contact : null;
        var links = record.Links.Select(l => new LabeledLink(LinkLabel(l.Key), l.Value, l.Value)).ToList();
        if (record.Orcid is { } orcid)
        {
            links.Insert(0, new LabeledLink("ORCID", orcid, $"https://orcid.org/{orcid}"));
        }

        return new ProfileView(
            researcher.Id,
            researcher.Name,
            record.Summary,
            record.Role,
            researcher.Affiliations.Select(Link).ToList(),
            record.OpenToCollaborate,
            record.Claimed,
            $"Trust {figures.Trust.Score} - {figures.Trust.Tier}",
            figures.Trust.Score,
            figures.Trust.Tier,
            figures.Verification.ToString(),
            Urls.Path($"researchers/{researcher.Id}/trust/"),
            figures.Works,
            record.Followers,
            figures.Topics.Count,
            figures.CloseCollaborators.Count,
            Urls.Path($"researchers/{researcher.Id}/feed.xml"),
            Urls.Path($"researchers/{researcher.Id}/cite.bib"),
            Urls.Edit(record.SourcePath),
            Urls.Path("claim/"),
            contact,
            record.Orcid,
            links,
            MarkdownRenderer.ToHtml(record.Body),
            figures.Topics.Select(Link).ToList(),
            figures.CloseCollaborators.Select(c => new CountedLink(c.Author.Name, Urls.Page(c.Author), c.SharedWorks)).ToList(),
            WorksChart.Render(researcher.Works),
            researcher.Works.Select(Item).ToList(),
            GraphPanel(researcher));
    }

    public PublicationView Publication(Publication publication)
    {
        var record = publication.Record;
        var identifiers = new List<LabeledLink>();
        if (publication.Doi is { } doi)
        {
            identifiers.Add(new("DOI", doi, $"https://doi.org/{Uri.EscapeDataString(doi).Replace("%2F", "/", StringComparison.Ordinal)}"));
        }

        if (publication.Arxiv is { } arxiv)
        {
            identifiers.Add(new("arXiv", arxiv, $"https://arxiv.org/abs/{Uri.EscapeDataString(arxiv).Replace("%2F", "/", StringComparison.Ordinal)}"));
        }

        foreach (var id in record.Ids.Where(i => i.Key is not ("doi" or "arxiv")))
        {
            identifiers.Add(new(id.Key, id.Value, ""));
        }

        // The work's list item (made once, for the indexes and profiles) already holds its authors, abstract and topics.
        var item = Item(publication);
        return new PublicationView(
            publication.Id,
            publication.Title,
            record.Type,
            TypeLabel(record.Type),
            publication.Year,
            record.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            record.Venue,
            item.Authors,
            item.Abstract,
            item.Topics,
            identifiers,
            record.Links.Select(l => new LabeledLink(LinkLabel(l.Key), l.Value, l.Value)).ToList(),
            Urls.Path($"publications/{publication.Id}/cite.bib"),
            BibTex.Entry(publication),
            Urls.Edit(record.SourcePath),
            GraphPanel(publication))
        {
            AuthorsHtml = item.AuthorsHtml,
        };
    }

    public List<TrustTermView> TrustTerms(Researcher researcher) =>
        researcher.Figures.Trust.Terms.Select(t => new TrustTermView(
            t.Label, t.Explanation, Number(t.Input), Number(t.Cap), Number(t.Weight), Number(t.Points))).ToList();

    public List<TierView> Tiers(Researcher researcher) =>
        _config.Trust.Tiers.Select(t => new TierView(t.Name, t.Min, t.Name == researcher.Figures.Trust.Tier)).ToList();

    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string LinkLabel(string key) => key switch
    {
        "pdf" => "PDF",
        "github" => "GitHub",
        "scholar" => "Google Scholar",
        "homepage" => "Homepage",
        "code" => "Code",
        "slides" => "Slides",
        "video" => "Video",
        _ => key.Length == 0 ? key : char.ToUpperInvariant(key[0]) + key[1..].Replace('_', ' '),
    };

    /// <summary>
    /// The text with each run of white space made one space and the ends trimmed, cut to <paramref name="max"/>
    /// characters with an ellipsis. Only as much of the text is looked at as the result needs: descriptions are
    /// often whole abstracts.
    /// </summary>
    internal static string Shorten(string text, int max)
    {
        var kept = max < 1024 ? stackalloc char[max + 1] : new char[max + 1];
        var length = 0;
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = length > 0;
                continue;
            }

            if (length + (space ? 2 : 1) > kept.Length)
            {
                length = kept.Length; // the text goes on past max: cut below
                break;
            }

            if (space)
            {
                kept[length++] = ' ';
                space = false;
            }

            kept[length++] = c;
        }

        if (length <= max)
        {
            return kept[..length].SequenceEqual(text) ? text : new string(kept[..length]);
        }

        return new string(kept[..(max - 1)]).TrimEnd() + "…";
    }
}
