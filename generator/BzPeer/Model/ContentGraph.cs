using System.Collections.Frozen;
using BzPeer.Configuration;

namespace BzPeer.Model;

/// <summary>
/// The resolved research graph: every entity, every relationship, every derived figure. Built once by
/// the resolver and never changed afterwards, so renderers may read it from many threads.
/// </summary>
public sealed class ContentGraph
{
    internal ContentGraph(
        SiteConfig config,
        IReadOnlyList<Researcher> researchers,
        IReadOnlyList<ExternalAuthor> externalAuthors,
        IReadOnlyList<Publication> publications,
        IReadOnlyList<Topic> topics,
        IReadOnlyList<Institution> institutions,
        IReadOnlyList<Edge> edges)
    {
        Config = config;
        Researchers = researchers;
        ExternalAuthors = externalAuthors;
        Publications = publications;
        Topics = topics;
        Institutions = institutions;
        Edges = edges;
        ResearchersById = researchers.ToFrozenDictionary(r => r.Id, StringComparer.Ordinal);
        PublicationsById = publications.ToFrozenDictionary(p => p.Id, StringComparer.Ordinal);
        TopicsById = topics.ToFrozenDictionary(t => t.Id, StringComparer.Ordinal);
        InstitutionsById = institutions.ToFrozenDictionary(i => i.Id, StringComparer.Ordinal);
    }

    public SiteConfig Config { get; }

    /// <summary>In ordinal id order (as every list here).</summary>
    public IReadOnlyList<Researcher> Researchers { get; }

    public IReadOnlyList<ExternalAuthor> ExternalAuthors { get; }

    public IReadOnlyList<Publication> Publications { get; }

    public IReadOnlyList<Topic> Topics { get; }

    public IReadOnlyList<Institution> Institutions { get; }

    /// <summary>Authored, coauthor, about and affiliated edges in a deterministic order.</summary>
    public IReadOnlyList<Edge> Edges { get; }

    public FrozenDictionary<string, Researcher> ResearchersById { get; }

    public FrozenDictionary<string, Publication> PublicationsById { get; }

    public FrozenDictionary<string, Topic> TopicsById { get; }

    public FrozenDictionary<string, Institution> InstitutionsById { get; }

    /// <summary>Every entity, in node-kind then id order: the node order of the graph JSON.</summary>
    public IEnumerable<Entity> AllEntities() =>
        Researchers.Cast<Entity>().Concat(ExternalAuthors).Concat(Publications).Concat(Topics).Concat(Institutions);
}
