using System.IO.Hashing;
using System.Text;
using System.Text.RegularExpressions;
using BzPeer.Configuration;
using BzPeer.Content;
using BzPeer.Diagnostics;
using BzPeer.Model;

namespace BzPeer.Resolve;

/// <summary>
/// Stage 3 of a build: resolves every cross-link of the loaded records into one frozen
/// <see cref="ContentGraph"/> — authors (SPEC §2 rules), topics, affiliations, co-authorship and edges.
/// </summary>
public static partial class ContentResolver
{
    public static ContentGraph Resolve(SiteConfig config, LoadedContent content, DiagnosticBag diagnostics)
    {
        var researchers = content.Researchers.Select(r => new Researcher(r)).ToList();
        var researchersById = researchers.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var byNameKey = IndexNames(researchers);

        var institutions = new SortedDictionary<string, Institution>(StringComparer.Ordinal);
        foreach (var record in content.Institutions)
        {
            institutions[record.Id] = new Institution(record.Id, record.Name ?? NameKey.NameFromId(record.Id), record);
        }

        var topics = new SortedDictionary<string, Topic>(StringComparer.Ordinal);
        foreach (var record in content.Topics)
        {
            topics[record.Id] = new Topic(record.Id, record.Name ?? NameKey.NameFromId(record.Id), record);
        }

        var declaredInstitutions = institutions.Keys.ToList();
        var declaredTopics = topics.Keys.ToList();
        foreach (var researcher in researchers)
        {
            foreach (var reference in researcher.Record.Affiliations)
            {
                var institution = Referenced(reference, institutions, declaredInstitutions, diagnostics, "institution", "affiliations",
                    DiagnosticCodes.UnknownAffiliationId, DiagnosticCodes.DerivedInstitution, id => new Institution(id, NameKey.NameFromId(id), null));
                if (institution is not null && !researcher.AffiliationsList.Contains(institution))
                {
                    researcher.AffiliationsList.Add(institution);
                    institution.MembersList.Add(researcher);
                }
            }
        }

        var externals = new ExternalAuthors();
        var publications = new List<Publication>(content.Publications.Count);
        var idNames = researchers.Select(r => r.Id).ToList();
        // Matching names is most of the work and reads only the researchers: done on every core first. External
        // authors are then registered in publication order, which decides who gets a contested id.
        var matches = new AuthorMatch[content.Publications.Count][];
        Parallel.For(0, matches.Length, i =>
            matches[i] = content.Publications[i].Authors.Select(item => MatchAuthor(item, researchersById, byNameKey, idNames, diagnostics)).ToArray());
        for (var i = 0; i < matches.Length; i++)
        {
            var record = content.Publications[i];
            var publication = new Publication(record);
            publications.Add(publication);
            for (var j = 0; j < record.Authors.Count; j++)
            {
                var item = record.Authors[j];
                var match = matches[i][j];
                Author? author = match.Researcher is { } researcher ? researcher : match.ExternalKey is { } key ? externals.Get(key, item.Name!) : null;
                if (author is null)
                {
                    continue;
                }

                if (publication.AuthorsList.Contains(author))
                {
                    diagnostics.Warning(DiagnosticCodes.DuplicateAuthor, item.At, $"'{author.Name}' is listed twice as an author of this publication.",
                        "Remove the repeated entry.");
                    continue;
                }

                publication.AuthorsList.Add(author);
                author.WorksList.Add(publication);
            }

            matches[i] = null!;
            foreach (var reference in record.Topics)
            {
                var topic = Referenced(reference, topics, declaredTopics, diagnostics, "topic", "topics",
                    DiagnosticCodes.UnknownTopicId, DiagnosticCodes.DerivedTopic, id => new Topic(id, NameKey.NameFromId(id), null));
                if (topic is not null && !publication.TopicsList.Contains(topic))
                {
                    publication.TopicsList.Add(topic);
                    topic.PublicationsList.Add(publication);
                }
            }
        }

        // Reads the records only; its warnings are sorted with the rest when reported.
        var duplicates = Task.Run(() => ReportDuplicateIdentifiers(publications, diagnostics));

        // Every list belongs to one author or topic: sort them on every core.
        var externalAuthors = externals.All;
        var allAuthors = researchers.Cast<Author>().Concat(externalAuthors).ToList();
        Parallel.ForEach(allAuthors, author => author.WorksList.Sort(Publication.NewestFirst));
        Parallel.ForEach(topics.Values, topic => topic.PublicationsList.Sort(Publication.NewestFirst));

        foreach (var institution in institutions.Values)
        {
            institution.MembersList.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        }

        var topicList = topics.Values.ToList();
        var institutionList = institutions.Values.ToList();
        // Numbered now (the graph numbers them the same way) so that co-authors are counted by number.
        ContentGraph.Number(researchers, externalAuthors, publications, topicList, institutionList);
        var coauthorEdges = Coauthorship.Compute(allAuthors, config.Graph.MaxAuthorsForCoauthorEdges);
        var edges = BuildEdges(researchers, publications, coauthorEdges);
        var graph = new ContentGraph(config, researchers, externalAuthors, publications, topicList, institutionList, edges);
        Figures.FigureCalculator.Compute(graph);
        duplicates.GetAwaiter().GetResult();
        return graph;
    }

    private static Dictionary<string, List<Researcher>> IndexNames(List<Researcher> researchers)
    {
        var index = new Dictionary<string, List<Researcher>>(StringComparer.Ordinal);
        foreach (var researcher in researchers)
        {
            foreach (var name in researcher.Record.Aliases.Prepend(researcher.Name))
            {
                var key = NameKey.Of(name);
                if (key.Length == 0)
                {
                    continue;
                }

                if (!index.TryGetValue(key, out var list))
                {
                    index[key] = list = [];
                }

                if (!list.Contains(researcher))
                {
                    list.Add(researcher);
                }
            }
        }

        return index;
    }

    /// <summary>An author item resolved: a researcher, or the name key of an external author, or neither (reported).</summary>
    private readonly record struct AuthorMatch(Researcher? Researcher, string? ExternalKey);

    /// <summary>SPEC §2: exact id; else a unique name/alias match; else an external author — unless it looks like an id.</summary>
    private static AuthorMatch MatchAuthor(
        AuthorItem item,
        Dictionary<string, Researcher> byId,
        Dictionary<string, List<Researcher>> byNameKey,
        List<string> ids,
        DiagnosticBag diagnostics)
    {
        if (item.Id is { } explicitId)
        {
            if (byId.TryGetValue(explicitId, out var explicitMatch))
            {
                return new(explicitMatch, null);
            }

            diagnostics.Error(DiagnosticCodes.UnknownAuthorId, item.At, $"No researcher has the id '{explicitId}'.",
                HintForUnknownId(explicitId, ids));
            return default;
        }

        var text = item.Name!;
        if (byId.TryGetValue(text, out var byExactId))
        {
            return new(byExactId, null);
        }

        var key = NameKey.Of(text);
        if (byNameKey.TryGetValue(key, out var matches))
        {
            if (matches.Count == 1)
            {
                return new(matches[0], null);
            }

            diagnostics.Error(DiagnosticCodes.UnknownAuthorId, item.At,
                $"'{text}' matches several researchers: {string.Join(", ", matches.Select(m => m.Id))}.",
                "Write the researcher's id instead of the name.");
            return default;
        }

        if (IdLike().IsMatch(text))
        {
            diagnostics.Error(DiagnosticCodes.UnknownAuthorId, item.At, $"'{text}' looks like a researcher id but no researcher has it.",
                HintForUnknownId(text, ids));
            return default;
        }

        if (key.Length == 0)
        {
            diagnostics.Error(DiagnosticCodes.InvalidValue, item.At, $"The author '{text}' has no letters or digits.", "Write the author's name.");
            return default;
        }

        return new(null, key);
    }

    private static string HintForUnknownId(string id, List<string> ids) =>
        Suggestions.Closest(id, ids) is { } close
            ? $"Did you mean '{close}'?"
            : "Create content/researchers/" + id + ".md, or write the author's full name to list them without a profile.";

    /// <summary>
    /// A topic or institution reference. An id with a file resolves to it; an id close to an existing one is a
    /// typo (error); any other valid id exists with a name derived from it (warning), as SPEC §2 says.
    /// </summary>
    private static T? Referenced<T>(
        Located<string> reference,
        SortedDictionary<string, T> known,
        List<string> declared,
        DiagnosticBag diagnostics,
        string noun,
        string key,
        string typoCode,
        string derivedCode,
        Func<string, T> derive)
        where T : Entity
    {
        var id = reference.Value;
        if (known.TryGetValue(id, out var found))
        {
            return found;
        }

        if (!ContentLoader.IsValidId(id))
        {
            diagnostics.Error(typoCode, reference.At, $"'{id}' is not a valid {noun} id.",
                $"Items of '{key}' are ids: lowercase letters, digits and hyphens, e.g. '{NameKey.Slug(id)}'.");
            return null;
        }

        if (Suggestions.Closest(id, declared) is { } close)
        {
            diagnostics.Error(typoCode, reference.At, $"There is no {noun} '{id}'.", $"Did you mean '{close}'?");
            return null;
        }

        var derived = derive(id);
        known[id] = derived;
        diagnostics.Warning(derivedCode, reference.At,
            $"The {noun} '{id}' has no file; it is shown as '{derived.Name}'.",
            $"Create content/{(noun == "topic" ? "topics" : "institutions")}/{id}.md with its name.");
        return derived;
    }

    private static void ReportDuplicateIdentifiers(List<Publication> publications, DiagnosticBag diagnostics)
    {
        foreach (var kind in new[] { "doi", "arxiv" })
        {
            var seen = new Dictionary<string, Publication>(StringComparer.OrdinalIgnoreCase);
            foreach (var publication in publications)
            {
                if (publication.Identifier(kind) is not { Length: > 0 } value)
                {
                    continue;
                }

                if (seen.TryGetValue(value, out var first))
                {
                    diagnostics.Warning(DiagnosticCodes.DuplicateIdentifier, SourceLocation.File(publication.Record.SourcePath),
                        $"The {kind} '{value}' is also used by {first.Record.SourcePath}.", "If both files describe one work, merge them.");
                }
                else
                {
                    seen[value] = publication;
                }
            }
        }
    }

    private static List<Edge> BuildEdges(List<Researcher> researchers, List<Publication> publications, IReadOnlyList<Edge> coauthor)
    {
        var count = coauthor.Count + researchers.Sum(r => r.Affiliations.Count) + publications.Sum(p => p.Authors.Count + p.Topics.Count);
        var edges = new List<Edge>(count);
        foreach (var publication in publications)
        {
            foreach (var author in publication.Authors)
            {
                edges.Add(new Edge(EdgeKind.Authored, author, publication, 1));
            }

            foreach (var topic in publication.Topics)
            {
                edges.Add(new Edge(EdgeKind.About, publication, topic, 1));
            }
        }

        foreach (var researcher in researchers)
        {
            foreach (var institution in researcher.Affiliations)
            {
                edges.Add(new Edge(EdgeKind.Affiliated, researcher, institution, 1));
            }
        }

        edges.AddRange(coauthor);
        return edges;
    }

    [GeneratedRegex("^[a-z0-9-]+$")]
    private static partial Regex IdLike();

    /// <summary>External authors by name key, each with a stable, unique id derived from the name.</summary>
    private sealed class ExternalAuthors
    {
        private readonly Dictionary<string, ExternalAuthor> _byKey = new(StringComparer.Ordinal);
        private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

        public List<ExternalAuthor> All => _byKey.Values.OrderBy(a => a.Id, StringComparer.Ordinal).ToList();

        public ExternalAuthor Get(string key, string spelling)
        {
            if (_byKey.TryGetValue(key, out var existing))
            {
                return existing;
            }

            var slug = NameKey.Slug(key);
            var id = slug.Length == 0 || _ids.Contains(slug) ? $"{(slug.Length == 0 ? "author" : slug)}-{ShortHash(key)}" : slug;
            _ids.Add(id);
            var author = new ExternalAuthor(id, spelling);
            _byKey[key] = author;
            return author;
        }

        private static string ShortHash(string key) =>
            Convert.ToHexStringLower(XxHash3.Hash(Encoding.UTF8.GetBytes(key)))[..8];
    }
}
