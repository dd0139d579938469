namespace BzPeer.Rendering.Views;

// Small snake_case records made for templates (Scriban renames PascalCase members to snake_case:
// BasePath → base_path). Templates never see domain objects. docs/templates.md lists every member.

/// <summary>The site as every template sees it: <c>site.*</c>.</summary>
public sealed record SiteView(
    string Title,
    string Description,
    string BasePath,
    string BaseUrl,
    string Language,
    string? Repo,
    string Assets,
    string Version,
    string SearchUrl,
    string FeedUrl,
    IReadOnlyList<NavItem> Nav);

public sealed record NavItem(string Label, string Url, string Key);

/// <summary>The page being rendered: <c>page.*</c>.</summary>
public sealed record PageView(
    string Title,
    string Description,
    string Canonical,
    string Section,
    IReadOnlyList<MetaTag> Meta,
    RawHtml JsonLd,
    IReadOnlyList<string> Scripts,
    IReadOnlyList<FeedLink> Feeds,
    bool NoIndex)
{
    /// <summary>
    /// <see cref="Meta"/> as the built-in layout prints them, each <c>&lt;meta name content&gt;</c> on a line of its
    /// own (ending in a line break), values escaped; empty without tags (see <see cref="ViewFactory.MetaHtml"/>).
    /// </summary>
    public required RawHtml MetaHtml { get; init; }
}

public sealed record MetaTag(string Name, string Content);

public sealed record FeedLink(string Title, string Url);

/// <summary>A name with an optional page: external authors and derived entities may have none.</summary>
public sealed record LinkView(string Name, string? Url);

/// <summary>A link with a label, e.g. "arXiv" → https://arxiv.org/abs/…</summary>
public sealed record LabeledLink(string Label, string Text, string Url);

public sealed record PublicationItemView(
    string Id,
    string Title,
    string Url,
    string Type,
    string TypeLabel,
    int Year,
    string? Venue,
    IReadOnlyList<LinkView> Authors,
    RawHtml Abstract,
    IReadOnlyList<LinkView> Topics)
{
    /// <summary><see cref="Authors"/> as the built-in templates print them (see <see cref="ViewFactory.AuthorsHtml"/>).</summary>
    public required RawHtml AuthorsHtml { get; init; }
}

public sealed record CountedLink(string Name, string? Url, int Count);

public sealed record GraphPanelView(
    string SliceUrl,
    string Focus,
    string ExploreUrl,
    string EmbedUrl,
    string EmbedCode,
    int NodeCount,
    IReadOnlyList<NearbyGroup> Nearby);

/// <param name="ItemsHtml">
/// <see cref="Items"/> as the built-in graph panel prints them, each <c>&lt;li&gt;</c> on a line of its own, names
/// and URLs escaped. A profile's panel lists up to 150 neighbours, about 1.5 million on the large bench corpus's
/// profiles; a template loop over them was 3-7% of a medium build's CPU time (docs/performance.md, session 15).
/// Made when printed, not held. A site's own panel may loop over <see cref="Items"/> instead.
/// </param>
public sealed record NearbyGroup(string Label, string Kind, IReadOnlyList<LinkView> Items, RawHtml ItemsHtml);
