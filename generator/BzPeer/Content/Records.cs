using BzPeer.Diagnostics;

namespace BzPeer.Content;

/// <summary>
/// Content files as read, before cross-links are resolved: references are still text with their
/// source locations so the resolver can point at the exact line of a bad one.
/// </summary>
public abstract record ContentRecord(string Id, string SourcePath, string Body, int BodyLine, IReadOnlyDictionary<string, object?> Extra)
{
    /// <summary>
    /// The Markdown body, held as UTF-8 and decoded when read: a build keeps every record for its whole run, and as
    /// UTF-16 the bodies were the largest item of the large bench corpus's heap (104 MB). It is read a few times per
    /// record (its rendering, which is cached, a figure, a diff).
    /// </summary>
    public string Body
    {
        get => _body.ToString();
        init => _body = new Utf8Text(value);
    }

    private readonly Utf8Text _body = new(Body);
}

public sealed record ResearcherRecord(
    string Id, string SourcePath, string Body, int BodyLine, IReadOnlyDictionary<string, object?> Extra,
    string Name, string? Summary, string Role,
    IReadOnlyList<Located<string>> Affiliations,
    bool OpenToCollaborate, bool Claimed, string? Orcid,
    IReadOnlyList<string> Aliases, int Followers, string? Contact,
    IReadOnlyList<KeyValuePair<string, string>> Links)
    : ContentRecord(Id, SourcePath, Body, BodyLine, Extra);

/// <summary>An author item: a researcher id or a plain name (<c>{name, id}</c> gives both).</summary>
public sealed record AuthorItem(string? Id, string? Name, SourceLocation At);

public sealed record PublicationRecord(
    string Id, string SourcePath, string Body, int BodyLine, IReadOnlyDictionary<string, object?> Extra,
    string Title, string Type, int Year, DateOnly? Date, string? Venue,
    IReadOnlyList<AuthorItem> Authors,
    IReadOnlyList<Located<string>> Topics,
    IReadOnlyList<KeyValuePair<string, string>> Ids,
    IReadOnlyList<KeyValuePair<string, string>> Links)
    : ContentRecord(Id, SourcePath, Body, BodyLine, Extra);

public sealed record TopicRecord(string Id, string SourcePath, string Body, int BodyLine, IReadOnlyDictionary<string, object?> Extra, string? Name)
    : ContentRecord(Id, SourcePath, Body, BodyLine, Extra);

public sealed record InstitutionRecord(
    string Id, string SourcePath, string Body, int BodyLine, IReadOnlyDictionary<string, object?> Extra,
    string? Name, string? Country, string? Url, string? Ror)
    : ContentRecord(Id, SourcePath, Body, BodyLine, Extra);

/// <summary>Everything read from <c>content/</c>, each list in ordinal id order.</summary>
public sealed record LoadedContent(
    IReadOnlyList<ResearcherRecord> Researchers,
    IReadOnlyList<PublicationRecord> Publications,
    IReadOnlyList<TopicRecord> Topics,
    IReadOnlyList<InstitutionRecord> Institutions,
    IReadOnlyDictionary<string, SourceDocument> Documents);
