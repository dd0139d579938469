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
        EntityCount = Number(researchers, externalAuthors, publications, topics, institutions);
        // Plain dictionaries: serve and diff look up a handful of ids, and freezing a large site's 60,000 cost more
        // than all those lookups on the build's one busy thread.
        ResearchersById = researchers.ToDictionary(r => r.Id, StringComparer.Ordinal);
        PublicationsById = publications.ToDictionary(p => p.Id, StringComparer.Ordinal);
        TopicsById = topics.ToDictionary(t => t.Id, StringComparer.Ordinal);
        InstitutionsById = institutions.ToDictionary(i => i.Id, StringComparer.Ordinal);
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

    public IReadOnlyDictionary<string, Researcher> ResearchersById { get; }

    public IReadOnlyDictionary<string, Publication> PublicationsById { get; }

    public IReadOnlyDictionary<string, Topic> TopicsById { get; }

    public IReadOnlyDictionary<string, Institution> InstitutionsById { get; }

    /// <summary>How many entities <see cref="AllEntities"/> lists; their <see cref="Entity.Ordinal"/>s are 0 to this less one.</summary>
    public int EntityCount { get; }

    /// <summary>Sets each entity's <see cref="Entity.Ordinal"/> to its place in <see cref="AllEntities"/>; returns how many there are.</summary>
    internal static int Number(params IEnumerable<Entity>[] kinds)
    {
        var ordinal = 0;
        foreach (var entities in kinds)
        {
            foreach (var entity in entities)
            {
                entity.Ordinal = ordinal++;
            }
        }

        return ordinal;
    }

    /// <summary>Every entity, in node-kind then id order: the node order of the graph JSON.</summary>
    public IEnumerable<Entity> AllEntities() =>
        Researchers.Cast<Entity>().Concat(ExternalAuthors).Concat(Publications).Concat(Topics).Concat(Institutions);
}
