namespace BzPeer.Rendering.Views;

/// <summary>What every page template gets as globals: <c>site</c>, <c>page</c>, and the page's own members.</summary>
public abstract record PageModel(SiteView Site, PageView Page);

public sealed record HomeModel(
    SiteView Site, PageView Page,
    IReadOnlyList<ResearcherCardView> Researchers, int ResearcherCount,
    IReadOnlyList<PublicationItemView> Recent, int PublicationCount,
    int TopicCount, int InstitutionCount, int NodeCount, int EdgeCount, string ExploreUrl)
    : PageModel(Site, Page);

public sealed record ResearcherCardView(string Name, string Url, string? Summary, string Affiliation, int Works);

/// <summary>One letter of the A–Z index; <c>Anchor</c> is a valid fragment id ("#" names its group "other").</summary>
public sealed record LetterGroup(string Letter, IReadOnlyList<ResearcherCardView> Researchers)
{
    public string Anchor => Letter == "#" ? "letter-other" : "letter-" + Letter;
}

public sealed record ResearchersModel(SiteView Site, PageView Page, IReadOnlyList<LetterGroup> Groups, int Count) : PageModel(Site, Page);

public sealed record ProfileView(
    string Id,
    string Name,
    string? Summary,
    string Role,
    IReadOnlyList<LinkView> Affiliations,
    bool OpenToCollaborate,
    bool Claimed,
    string TrustLabel,
    int TrustScore,
    string TrustTier,
    string Verification,
    string TrustUrl,
    int Works,
    int Followers,
    int TopicCount,
    int CloseCollaboratorCount,
    string FeedUrl,
    string BibUrl,
    string? EditUrl,
    string ClaimUrl,
    string? Contact,
    string? Orcid,
    IReadOnlyList<LabeledLink> Links,
    RawHtml Biography,
    IReadOnlyList<LinkView> Topics,
    IReadOnlyList<CountedLink> CloseCollaborators,
    RawHtml WorksChart,
    IReadOnlyList<PublicationItemView> Publications,
    GraphPanelView Graph);

public sealed record ProfileModel(SiteView Site, PageView Page, ProfileView Researcher) : PageModel(Site, Page);

public sealed record TrustTermView(string Label, string Explanation, string Input, string Cap, string Weight, string Points);

public sealed record TrustModel(
    SiteView Site, PageView Page, string Name, string ProfileUrl, int Score, string Tier, string Verification, string Uncapped,
    IReadOnlyList<TrustTermView> Terms, IReadOnlyList<TierView> Tiers, int CloseCollaboratorMinShared)
    : PageModel(Site, Page);

public sealed record TierView(string Name, int Min, bool Current);

public sealed record PublicationView(
    string Id,
    string Title,
    string Type,
    string TypeLabel,
    int Year,
    string? Date,
    string? Venue,
    IReadOnlyList<LinkView> Authors,
    RawHtml Abstract,
    IReadOnlyList<LinkView> Topics,
    IReadOnlyList<LabeledLink> Identifiers,
    IReadOnlyList<LabeledLink> Links,
    string BibUrl,
    string BibText,
    string? EditUrl,
    GraphPanelView Graph)
{
    /// <summary><see cref="Authors"/> as the built-in template prints them (see <see cref="ViewFactory.AuthorsHtml"/>).</summary>
    public required RawHtml AuthorsHtml { get; init; }
}

public sealed record PublicationModel(SiteView Site, PageView Page, PublicationView Publication) : PageModel(Site, Page);

public sealed record YearGroup(int Year, IReadOnlyList<PublicationItemView> Publications);

public sealed record TypeFilter(string Type, string Label, int Count);

public sealed record PublicationsModel(SiteView Site, PageView Page, IReadOnlyList<YearGroup> Years, IReadOnlyList<TypeFilter> Types, int Count)
    : PageModel(Site, Page);

public sealed record TopicModel(
    SiteView Site, PageView Page, string Id, string Name, RawHtml Description, IReadOnlyList<CountedLink> Researchers,
    IReadOnlyList<PublicationItemView> Publications, GraphPanelView Graph)
    : PageModel(Site, Page);

public sealed record InstitutionModel(
    SiteView Site, PageView Page, string Id, string Name, string? Country, string? Url, string? Ror, RawHtml Description,
    IReadOnlyList<ResearcherCardView> Members, IReadOnlyList<PublicationItemView> Publications, GraphPanelView Graph)
    : PageModel(Site, Page);

public sealed record IndexModel(SiteView Site, PageView Page, string Heading, string Intro, IReadOnlyList<CountedLink> Items) : PageModel(Site, Page);

public sealed record ExploreModel(SiteView Site, PageView Page, string GraphUrl, int NodeCount, int EdgeCount) : PageModel(Site, Page);

public sealed record EmbedModel(SiteView Site, PageView Page, string Name, string PageUrl, GraphPanelView Graph) : PageModel(Site, Page);

public sealed record ClaimModel(SiteView Site, PageView Page, string? Repo, string Branch) : PageModel(Site, Page);

public sealed record NotFoundModel(SiteView Site, PageView Page) : PageModel(Site, Page);

/// <summary>The base layout's globals: the page's rendered body plus site and page.</summary>
public sealed record LayoutModel(SiteView Site, PageView Page, RawHtml Content);
