namespace BzPeer.Configuration;

/// <summary>The site's settings from <c>site.yml</c>, with documented defaults (docs/configuration.md).</summary>
public sealed record SiteConfig
{
    public string Title { get; init; } = "Research profiles";

    public string Description { get; init; } = "";

    /// <summary>Absolute URL of the site root, always ending in '/'.</summary>
    public string BaseUrl { get; init; } = "http://localhost/";

    /// <summary>Repository of the site's data; enables "edit / claim this record" links.</summary>
    public string? Repo { get; init; }

    public string Branch { get; init; } = "main";

    public string Language { get; init; } = "en";

    public int CloseCollaboratorMinShared { get; init; } = 2;

    public TrustSettings Trust { get; init; } = TrustSettings.Default;

    public GraphSettings Graph { get; init; } = new();

    public IReadOnlyDictionary<string, object?> Extra { get; init; } = new Dictionary<string, object?>();

    /// <summary>The path part of <see cref="BaseUrl"/>: "/" or "/sub/path/". Every link in the site starts with it.</summary>
    public string BasePath => new Uri(BaseUrl).AbsolutePath;

    /// <summary>The absolute URL of a site-relative path such as "researchers/ada/".</summary>
    public string AbsoluteUrl(string relative) => BaseUrl + relative.TrimStart('/');
}

public sealed record GraphSettings
{
    public int SliceRadius { get; init; } = 2;

    public int SliceMaxNodes { get; init; } = 150;

    /// <summary>Hops around a publication in its slice: its authors and topics (and, at 2, everything they touch).</summary>
    public int PublicationSliceRadius { get; init; } = 1;

    /// <summary>Papers with more authors than this add no co-author edges (hyperauthorship would add millions of pairs).</summary>
    public int MaxAuthorsForCoauthorEdges { get; init; } = 100;
}

/// <summary>Weights, caps and tiers of the trust score (docs/trust.md).</summary>
public sealed record TrustSettings
{
    public static readonly TrustSettings Default = new();

    public double VerificationWeight { get; init; } = 10;

    public double WorksWeight { get; init; } = 1;

    public double CloseCollaboratorsWeight { get; init; } = 1;

    public double FollowersWeight { get; init; } = 0.2;

    public double CompletenessWeight { get; init; } = 20;

    public int WorksCap { get; init; } = 25;

    public int CloseCollaboratorsCap { get; init; } = 15;

    public int FollowersCap { get; init; } = 50;

    /// <summary>Tiers by minimum score, ascending; the first must start at 0.</summary>
    public IReadOnlyList<TrustTier> Tiers { get; init; } =
    [
        new("Emerging", 0),
        new("Established", 35),
        new("Recognised", 60),
        new("Trusted", 80),
    ];
}

public sealed record TrustTier(string Name, int Min);
