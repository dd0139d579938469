using BzPeer.Content;

namespace BzPeer.Model;

/// <summary>Node kinds in the order the graph JSON lists them (<c>node_kinds</c>).</summary>
public enum NodeKind
{
    Researcher,
    External,
    Publication,
    Topic,
    Institution,
}

/// <summary>Edge kinds in the order the graph JSON lists them (<c>edge_kinds</c>).</summary>
public enum EdgeKind
{
    Authored,
    Coauthor,
    About,
    Affiliated,
}

/// <summary>
/// Anything that is a node of the research graph. Entities are created by the resolver and are
/// read-only afterwards; their relationship lists are filled during resolution and then frozen. The one
/// exception is <c>serve</c> swapping in an edited publication's record when its links did not change
/// (<see cref="Publication.Replace"/>).
/// </summary>
public abstract class Entity
{
    protected Entity(string id, string name)
    {
        Id = id;
        Name = name;
    }

    public string Id { get; }

    public string Name { get; private protected set; }

    public abstract NodeKind Kind { get; }

    /// <summary>Stable graph id: "r:", "x:", "p:", "t:", "i:" and the entity id (made once: sorts compare it a lot).</summary>
    public string NodeId => _nodeId ??= Kind switch
    {
        NodeKind.Researcher => "r:",
        NodeKind.External => "x:",
        NodeKind.Publication => "p:",
        NodeKind.Topic => "t:",
        _ => "i:",
    } + Id;

    private string? _nodeId;

    /// <summary>
    /// The entity's place in <see cref="ContentGraph.AllEntities"/> (the node order of the graph JSON), set when the
    /// graph is made: views and graph arrays are indexed by it rather than looked up in a dictionary per use.
    /// </summary>
    public int Ordinal { get; internal set; } = -1;

    /// <summary>The entity's page relative to the site root ("researchers/ada/"), or null when it has none.</summary>
    public virtual string? Url => null;

    public override string ToString() => NodeId;
}

/// <summary>Someone in an author list: a researcher with a profile, or an external author shown as plain text.</summary>
public abstract class Author : Entity
{
    internal readonly List<Publication> WorksList = [];

    protected Author(string id, string name) : base(id, name)
    {
    }

    /// <summary>Works, newest first (date, then year, then title, then id).</summary>
    public IReadOnlyList<Publication> Works => WorksList;
}

public readonly record struct Collaboration(Author Author, int SharedWorks);

public sealed class Researcher : Author
{
    internal readonly List<Institution> AffiliationsList = [];

    /// <summary>
    /// Only researchers keep their co-author lists: their profiles show them. An external author's list was never
    /// read, and the large bench corpus's 29,000 external authors held about half of the 21 MB the lists took.
    /// </summary>
    internal readonly List<Collaboration> CoauthorsList = [];

    /// <summary>Every co-author with the number of shared works, most shared first, then by name.</summary>
    public IReadOnlyList<Collaboration> Coauthors => CoauthorsList;

    public Researcher(ResearcherRecord record) : base(record.Id, record.Name) => Record = record;

    public ResearcherRecord Record { get; }

    public override NodeKind Kind => NodeKind.Researcher;

    public override string Url => $"researchers/{Id}/";

    public IReadOnlyList<Institution> Affiliations => AffiliationsList;

    /// <summary>Works, topics, collaborators, verification and trust (set by the figures stage).</summary>
    public Figures.ResearcherFigures Figures { get; internal set; } = null!;
}

public sealed class ExternalAuthor : Author
{
    public ExternalAuthor(string id, string name) : base(id, name)
    {
    }

    public override NodeKind Kind => NodeKind.External;
}

public sealed class Publication : Entity
{
    internal readonly List<Author> AuthorsList = [];
    internal readonly List<Topic> TopicsList = [];

    public Publication(PublicationRecord record) : base(record.Id, record.Title) => Record = record;

    public PublicationRecord Record { get; private set; }

    /// <summary>
    /// Swaps in an edited record whose links (authors, topics, identifiers) are those of the current one, so the
    /// graph around the publication is unchanged; re-sorts the lists that order by date and title.
    /// </summary>
    internal void Replace(PublicationRecord record)
    {
        Record = record;
        Name = record.Title;
        foreach (var author in AuthorsList)
        {
            SortIfNeeded(author.WorksList);
        }

        foreach (var topic in TopicsList)
        {
            SortIfNeeded(topic.PublicationsList);
        }

        static void SortIfNeeded(List<Publication> list)
        {
            for (var i = 1; i < list.Count; i++)
            {
                if (NewestFirst(list[i - 1], list[i]) > 0)
                {
                    list.Sort(NewestFirst);
                    return;
                }
            }
        }
    }

    public override NodeKind Kind => NodeKind.Publication;

    public override string Url => $"publications/{Id}/";

    public string Title => Record.Title;

    public int Year => Record.Year;

    public IReadOnlyList<Author> Authors => AuthorsList;

    public IReadOnlyList<Topic> Topics => TopicsList;

    public string? Doi => Identifier("doi");

    public string? Arxiv => Identifier("arxiv");

    public string? Identifier(string kind)
    {
        foreach (var entry in Record.Ids)
        {
            if (entry.Key == kind)
            {
                return entry.Value;
            }
        }

        return null;
    }

    /// <summary>Newest first: date, year, title, id — the order of every publication list.</summary>
    public static int NewestFirst(Publication a, Publication b)
    {
        var byYear = b.Year.CompareTo(a.Year);
        if (byYear != 0)
        {
            return byYear;
        }

        var byDate = Nullable.Compare(b.Record.Date, a.Record.Date);
        if (byDate != 0)
        {
            return byDate;
        }

        var byTitle = string.CompareOrdinal(a.Title, b.Title);
        return byTitle != 0 ? byTitle : string.CompareOrdinal(a.Id, b.Id);
    }
}

public sealed class Topic : Entity
{
    internal readonly List<Publication> PublicationsList = [];

    public Topic(string id, string name, TopicRecord? record) : base(id, name) => Record = record;

    /// <summary>Null when the topic is only referenced and its name derived from the id.</summary>
    public TopicRecord? Record { get; }

    public override NodeKind Kind => NodeKind.Topic;

    public override string Url => $"topics/{Id}/";

    public IReadOnlyList<Publication> Publications => PublicationsList;
}

public sealed class Institution : Entity
{
    internal readonly List<Researcher> MembersList = [];

    public Institution(string id, string name, InstitutionRecord? record) : base(id, name) => Record = record;

    /// <summary>Null when the institution is only referenced and its name derived from the id.</summary>
    public InstitutionRecord? Record { get; }

    public override NodeKind Kind => NodeKind.Institution;

    public override string Url => $"institutions/{Id}/";

    public IReadOnlyList<Researcher> Members => MembersList;
}

/// <summary>
/// An edge of the research graph. Co-author edges are undirected and stored once (From before To by node id).
/// A value, not an object: a large site has a million of them, and a list of structs holds them in one array.
/// </summary>
public readonly record struct Edge(EdgeKind Kind, Entity From, Entity To, int Weight);
